import { alignWords } from "@/components/evidence/word-alignment";
import { QUOTE_CHECK_LABELS, type AlignmentOp, type QuoteCheckResult, type QuoteCheckView as QuoteCheckData } from "@/components/evidence/types";

// A symbol and a word for each result: the colour only repeats what they say.
const RESULT_STYLE: Record<QuoteCheckResult, { symbol: string; className: string }> = {
  verbatim: { symbol: "✓", className: "border-green-700 bg-green-50 text-green-900" },
  minor_differences: { symbol: "≈", className: "border-blue-700 bg-blue-50 text-blue-900" },
  altered: { symbol: "≠", className: "border-red-700 bg-red-50 text-red-900" },
  not_found: { symbol: "?", className: "border-stone-600 bg-stone-100 text-stone-900" },
};

export function QuoteCheckBadge({ result }: { result: QuoteCheckResult }) {
  const style = RESULT_STYLE[result];
  return (
    <span className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-semibold ${style.className}`} data-testid="quote-check-result">
      <span aria-hidden="true">{style.symbol}</span>
      {QUOTE_CHECK_LABELS[result]}
    </span>
  );
}

const OP_TEXT = { equal: "same", insert: "only in the source", delete: "only in the article", replace: "differs" } as const;

/** One aligned piece: the article's words above the source's, differing ones boxed and struck or underlined. */
function AlignedPiece({ op }: { op: AlignmentOp }) {
  if (op.op === "equal") {
    return (
      <span className="inline-flex flex-col px-0.5">
        <span>{op.article ?? op.source}</span>
        <span aria-hidden="true">{op.source ?? op.article}</span>
      </span>
    );
  }
  // "words" is the quote check's reason for a real change; every other reason explains a minor one.
  const minor = Boolean(op.reason) && op.reason !== "words";
  return (
    <span className={`inline-flex flex-col rounded border px-0.5 ${minor ? "border-dashed border-blue-700 bg-blue-50" : "border-solid border-red-700 bg-red-50"}`} data-op={op.op}>
      <span className="sr-only">
        {`${OP_TEXT[op.op]}${minor ? ", minor" : ""}: article ${op.article ? `“${op.article}”` : "nothing"}, source ${op.source ? `“${op.source}”` : "nothing"}${op.reason ? ` (${op.reason})` : ""}. `}
      </span>
      <span aria-hidden="true" className={op.article ? "line-through decoration-2" : "text-stone-700"}>
        {op.article ?? "∅"}
      </span>
      <span aria-hidden="true" className={op.source ? "underline decoration-2" : "text-stone-700"}>
        {op.source ?? "∅"}
      </span>
    </span>
  );
}

/**
 * The quote check of one evidence span: its result, the article's words against the source's
 * word by word, and the notes that explain each minor difference.
 */
export function QuoteCheckView({ check, articleText, citedText }: { check: QuoteCheckData; articleText: string; citedText: string }) {
  // Checks stored before alignments existed are aligned here, from the same words.
  const narration = check.differences.filter((d) => d.reason === "narration" && d.source).map((d) => d.source!);
  const alignment = check.alignment.length > 0 ? check.alignment : check.result === "not_found" ? [] : alignWords(articleText, check.matched ?? citedText, narration);
  const differing = alignment.filter((op) => op.op !== "equal");
  return (
    <div role="group" aria-label="Quote check" className="space-y-2 rounded border border-stone-200 bg-stone-50 p-2 text-sm" data-testid="quote-check">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold">Quote check</span>
        <QuoteCheckBadge result={check.result} />
        <span className="text-xs text-stone-700">{Math.round(check.similarity * 100)}% of the words match</span>
      </p>
      {alignment.length > 0 && (
        <figure className="space-y-1">
          <figcaption className="text-xs text-stone-700">
            Word by word: the article’s words on top (<span className="line-through">struck</span> where they differ), the source’s below (
            <span className="underline">underlined</span> where they differ); ∅ means no word. Boxes mark differences: dashed when minor, solid when the words changed.
          </figcaption>
          <p className="flex flex-wrap gap-y-1 font-serif leading-tight" data-testid="word-comparison">
            {alignment.map((op, i) => (
              <AlignedPiece key={i} op={op} />
            ))}
          </p>
          {differing.length === 0 && <p className="text-xs text-stone-700">Every word is the same.</p>}
        </figure>
      )}
      {check.differences.length > 0 && (
        <ul aria-label="Differences" className="list-disc space-y-0.5 pl-5 text-xs" data-testid="quote-differences">
          {check.differences.map((d, i) => (
            <li key={i}>
              {d.article !== undefined || d.source !== undefined ? (
                <>
                  Article {d.article ? <q>{d.article}</q> : "—"}, source {d.source ? <q>{d.source}</q> : "—"}:{" "}
                </>
              ) : null}
              {d.reason}
            </li>
          ))}
        </ul>
      )}
      {check.notes.length > 0 && (
        <ul aria-label="Notes on minor differences" className="list-disc space-y-0.5 pl-5 text-xs" data-testid="quote-notes">
          {check.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
      {check.speakerNote && (
        <p role="note" className="rounded border border-amber-400 bg-amber-50 p-1 text-xs text-amber-950">
          <span className="font-semibold">Speaker: </span>
          {check.speakerNote}
        </p>
      )}
    </div>
  );
}
