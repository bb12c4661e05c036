import { PassageTools } from "@/components/sources/passage-tools";
import type { SourceView } from "@/lib/services/sources/present-source";
import { matchRanges, segmentsOf } from "@/lib/text/search/search-highlight";

/** The passage's text, with the words a search matched in <mark> when it is the one linked. */
function PassageText({ text, query }: { text: string; query?: string }) {
  if (!query) return <>{text}</>;
  return segmentsOf(text, matchRanges(text, query, "fuzzy")).map((s, i) =>
    s.hit ? (
      <mark key={i} className="rounded-sm bg-yellow-200 px-0.5">
        {s.text}
      </mark>
    ) : (
      <span key={i}>{s.text}</span>
    ),
  );
}

/**
 * The whole document in passage order. Text between passages (speaker labels, blank lines) is
 * shown too, so nothing of the document is hidden; each passage has a stable link by its id.
 */
export function PassageList({
  source,
  canEdit,
  highlight,
}: {
  source: SourceView;
  canEdit: boolean;
  highlight?: { passageId: string; query: string };
}) {
  const { passages, text } = source;
  if (passages.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-700">
        This document has no passages.
      </p>
    );
  }
  return (
    <ol className="space-y-3" aria-label="Passages">
      {passages.map((p, i) => {
        const gap = text.slice(i === 0 ? source.gapStart : passages[i - 1]!.end, p.start).trim();
        const anchor = `passage-${p.id}`;
        return (
          <li
            key={p.id}
            id={anchor}
            aria-labelledby={`${anchor}-label`}
            className="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm target:border-yellow-500 target:bg-yellow-50 target:ring-2 target:ring-yellow-400"
          >
            {gap && <p className="mb-1 font-mono text-xs text-stone-600">{gap}</p>}
            <div className="flex flex-wrap items-baseline gap-x-3">
              <a
                id={`${anchor}-label`}
                href={`#${anchor}`}
                className="text-sm font-semibold text-blue-800 underline-offset-2 hover:underline"
              >
                Passage {p.ordinal + 1}
              </a>
              <span className="text-sm font-medium text-stone-800">
                {p.speaker ?? <span className="text-stone-600">No speaker</span>}
              </span>
              {p.evidenceCount > 0 && (
                <span className="text-xs text-stone-700">
                  cited by {p.evidenceCount} evidence {p.evidenceCount === 1 ? "link" : "links"}
                </span>
              )}
            </div>
            <p className="mt-1 whitespace-pre-wrap font-serif leading-relaxed wrap-anywhere">
              <PassageText text={p.text} query={highlight?.passageId === p.id ? highlight.query : undefined} />
            </p>
            {canEdit && (
              <PassageTools
                passageId={p.id}
                ordinal={p.ordinal}
                text={p.text}
                speaker={p.speaker}
                isLast={p.ordinal === source.passageCount - 1}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}
