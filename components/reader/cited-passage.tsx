import type { SnapshotEvidence } from "@/lib/services/publishing/snapshot-content";

/** The source passage in context, the cited words highlighted (offsets into passage.text). */
export function CitedPassage({ evidence }: { evidence: SnapshotEvidence }) {
  const { text, citedStart, citedEnd, speaker } = evidence.passage;
  return (
    <blockquote className="mt-2 border-l-4 border-stone-300 pl-3 font-serif text-base leading-relaxed whitespace-pre-line wrap-anywhere">
      {speaker && (
        <span className="font-sans text-xs font-semibold tracking-wide text-stone-600 uppercase">{speaker}: </span>
      )}
      {text.slice(0, citedStart)}
      <mark className="cited-words">{text.slice(citedStart, citedEnd)}</mark>
      {text.slice(citedEnd)}
    </blockquote>
  );
}
