const LABELS: Record<string, { label: string; className: string }> = {
  draft: { label: "Draft", className: "bg-stone-200 text-stone-800" },
  in_review: { label: "In review", className: "bg-blue-100 text-blue-900" },
  published: { label: "Published", className: "bg-green-100 text-green-900" },
  unpublished: { label: "Unpublished", className: "bg-amber-100 text-amber-900" },
  changes_requested: { label: "Changes requested", className: "bg-amber-100 text-amber-900" },
  approved: { label: "Approved", className: "bg-green-100 text-green-900" },
  rejected: { label: "Rejected", className: "bg-red-100 text-red-900" },
  stale: { label: "Stale", className: "bg-orange-100 text-orange-900" },
  orphaned: { label: "Orphaned", className: "bg-red-100 text-red-900" },
};

export function StateBadge({ state }: { state: string }) {
  const entry = LABELS[state] ?? { label: state, className: "bg-stone-200 text-stone-800" };
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${entry.className}`}>{entry.label}</span>
  );
}
