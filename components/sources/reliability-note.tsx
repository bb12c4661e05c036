/** The source's own warning about itself, shown on top of the source and wherever it is quoted. */
export function ReliabilityNote({ note, compact = false }: { note: string; compact?: boolean }) {
  if (!note.trim()) return null;
  if (compact) {
    return (
      <p className="mt-1 text-xs text-amber-900">
        <span className="font-semibold">Reliability: </span>
        {note}
      </p>
    );
  }
  return (
    <aside
      aria-label="Reliability note"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p className="font-semibold">Reliability note</p>
      <p className="mt-1">{note}</p>
    </aside>
  );
}
