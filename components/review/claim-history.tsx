import type { HistoryEntry } from "@/components/evidence/types";

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

/** What happened to the claim, oldest first: who did what, when. */
export function ClaimHistory({ history, collapsed = false }: { history: HistoryEntry[]; collapsed?: boolean }) {
  const list =
    history.length === 0 ? (
      <p className="text-sm text-stone-700">Nothing has happened to this claim yet.</p>
    ) : (
      <ol aria-label="Claim history" className="space-y-1 border-l-2 border-stone-200 pl-3 text-sm">
        {history.map((h) => (
          <li key={h.id}>
            <span className="text-xs text-stone-600">
              <time dateTime={h.at}>{when(h.at)}</time> · {h.actor?.name ?? "Sourcemark"}
            </span>
            <span className="block">{h.summary}</span>
          </li>
        ))}
      </ol>
    );
  if (!collapsed)
    return (
      <section aria-labelledby="history-heading" className="space-y-2">
        <h3 id="history-heading" className="text-sm font-semibold">
          History
        </h3>
        {list}
      </section>
    );
  return (
    <details className="rounded border border-stone-200 p-2">
      <summary className="cursor-pointer text-sm font-semibold">History ({history.length})</summary>
      <div className="mt-2">{list}</div>
    </details>
  );
}
