import type { StaleChanges as Data } from "@/components/evidence/types";

/** Why a claim is stale: the changes since it was checked or approved, old and new words. */
export function StaleChanges({ detail }: { detail: Data }) {
  const wordsChanged =
    detail.previousExact !== undefined &&
    detail.currentExact !== undefined &&
    detail.previousExact !== detail.currentExact;
  return (
    <div
      role="note"
      aria-label="What changed since it was checked"
      className="space-y-1 rounded border-2 border-dashed border-orange-500 bg-orange-50 p-2 text-sm text-orange-950"
      data-testid="stale-detail"
    >
      <p className="font-medium">Stale: something changed after it was checked; it needs a new check.</p>
      {detail.changes && detail.changes.length > 0 && (
        <ul aria-label="Changes" className="list-disc pl-5" data-testid="stale-changes">
          {detail.changes.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      )}
      {wordsChanged && (
        <>
          <p>
            Was: <q>{detail.previousExact}</q>
          </p>
          <p>
            Now: <q>{detail.currentExact}</q>
          </p>
        </>
      )}
    </div>
  );
}
