import type { QuoteCheckDetail } from "@/lib/services/publishing/snapshot-content";

export const QUOTE_CHECK_LABELS: Record<string, string> = {
  verbatim: "Word for word",
  minor_differences: "Minor differences",
  altered: "Altered",
  not_found: "Not found in the source",
};

/**
 * The word comparison between the article's quote and the source: removed words struck
 * through, added words underlined, each also named in words (for screen readers and print).
 */
export function QuoteComparison({ detail }: { detail: QuoteCheckDetail }) {
  const alignment = detail.alignment ?? [];
  return (
    <div className="text-sm">
      <p>
        <span className="font-semibold">Quote check: </span>
        {QUOTE_CHECK_LABELS[detail.result] ?? detail.result}
        {typeof detail.similarity === "number" && (
          <span className="text-stone-600"> ({Math.round(detail.similarity * 100)}% the same words)</span>
        )}
      </p>
      {alignment.some((a) => a.op !== "equal") && (
        <p className="mt-1 leading-relaxed" aria-label="Word comparison, article against source">
          {alignment.map((a, i) => {
            if (a.op === "equal") return <span key={i}>{a.article ?? a.source} </span>;
            return (
              <span key={i}>
                {a.article && (
                  <del className="bg-red-50 text-red-900">
                    <span className="sr-only">article has: </span>
                    {a.article}
                  </del>
                )}
                {a.article && a.source && " "}
                {a.source && (
                  <ins className="bg-green-50 text-green-900">
                    <span className="sr-only">source has: </span>
                    {a.source}
                  </ins>
                )}
                {a.reason && <span className="text-xs text-stone-600"> ({a.reason})</span>}{" "}
              </span>
            );
          })}
        </p>
      )}
      {(detail.notes ?? []).map((note, i) => (
        <p key={i} className="mt-1 text-stone-700">
          {note}
        </p>
      ))}
      {detail.speakerNote && <p className="mt-1 text-stone-700">{detail.speakerNote}</p>}
    </div>
  );
}
