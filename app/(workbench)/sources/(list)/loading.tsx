export default function SourcesLoading() {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <p className="sr-only">Loading sources…</p>
      <div aria-hidden="true" className="h-8 w-48 animate-pulse rounded bg-stone-200" />
      <div aria-hidden="true" className="h-32 animate-pulse rounded-lg bg-stone-200" />
      <div aria-hidden="true" className="h-48 animate-pulse rounded-lg bg-stone-200" />
    </div>
  );
}
