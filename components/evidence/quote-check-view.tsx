import { alignWords } from "@/components/evidence/word-alignment";
import {
  QUOTE_CHECK_LABELS,
  type AlignmentOp,
  type QuoteCheckResult,
  type QuoteCheckView as QuoteCheckData,
} from "@/components/evidence/types";

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
    <span
      className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-semibold ${style.className}`}
      data-testid="quote-check-result"
    >
      <span aria-hidden="true">{style.symbol}</span>
      {QUOTE_CHECK_LABELS[result]}
    </span>
  );
}

// Why a difference is minor, in words a reader follows; "words" is a real change.
const REASON_TEXT: Record<string, string> = {
  spacing: "spacing only",
  spelling: "spelling variant",
  ocr: "OCR noise in the source",
  narration: "narration, not the speaker’s words",
  ellipsis: "words left out (ellipsis)",
  editorial: "the paper’s insertion",
  punctuation: "punctuation only",
  words: "the words changed",
};

const OP_TEXT = { insert: "only in the article", delete: "only in the source", replace: "differs" } as const;

/** One run of the comparison as a table row: the article's words, the source's, and what differs. */
function AlignedRow({ op }: { op: AlignmentOp }) {
  if (op.op === "equal") {
    return (
      <tr data-op="equal" className="align-top">
        <td className="py-0.5 pr-2">{op.article}</td>
        <td className="py-0.5 pr-2">{op.source ?? op.article}</td>
        <td className="py-0.5 text-xs text-stone-700">
          <span aria-hidden="true">= </span>same
        </td>
      </tr>
    );
  }
  // "words" is the quote check's reason for a real change; every other reason explains a minor one.
  const minor = Boolean(op.reason) && op.reason !== "words";
  return (
    <tr data-op={op.op} className={`align-top font-semibold ${minor ? "bg-blue-50" : "bg-red-50"}`}>
      <td className="py-0.5 pr-2">
        {op.article ? (
          <span className="underline decoration-wavy decoration-1 underline-offset-2">{op.article}</span>
        ) : (
          <span className="font-normal text-stone-700">(none)</span>
        )}
      </td>
      <td className="py-0.5 pr-2">
        {op.source ? (
          <span className="underline decoration-wavy decoration-1 underline-offset-2">{op.source}</span>
        ) : (
          <span className="font-normal text-stone-700">(none)</span>
        )}
      </td>
      <td className="py-0.5 text-xs">
        <span aria-hidden="true">{minor ? "≈ " : "≠ "}</span>
        {minor ? "Minor" : "Changed"}: {OP_TEXT[op.op]}
        {op.reason && op.reason !== "words" ? `, ${REASON_TEXT[op.reason] ?? op.reason}` : ""}
      </td>
    </tr>
  );
}

/** The article's words against the source's, run by run, with what differs and why. */
export function WordComparison({ alignment }: { alignment: AlignmentOp[] }) {
  const differing = alignment.filter((op) => op.op !== "equal");
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse font-serif text-sm leading-snug" data-testid="word-comparison">
        <caption className="text-left font-sans text-xs text-stone-700">
          Word by word: differing runs are underlined and marked ≈ (minor) or ≠ (changed).
          {differing.length === 0 ? " Every word is the same." : ""}
        </caption>
        <thead className="font-sans text-xs text-stone-700">
          <tr>
            <th scope="col" className="text-left font-medium">
              Article
            </th>
            <th scope="col" className="text-left font-medium">
              Source
            </th>
            <th scope="col" className="text-left font-medium">
              Difference
            </th>
          </tr>
        </thead>
        <tbody>
          {alignment.map((op, i) => (
            <AlignedRow key={i} op={op} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The quote check of one evidence span: its result, the article's words against the source's
 * word by word, and the notes that explain each minor difference.
 */
export function QuoteCheckView({
  check,
  articleText,
  citedText,
}: {
  check: QuoteCheckData;
  articleText: string;
  citedText: string;
}) {
  // Checks stored before alignments existed are aligned here, from the same words.
  const narration = check.differences.filter((d) => d.reason === "narration" && d.source).map((d) => d.source!);
  const alignment =
    check.alignment.length > 0
      ? check.alignment
      : check.result === "not_found"
        ? []
        : alignWords(articleText, check.matched ?? citedText, narration);
  return (
    <div
      role="group"
      aria-label="Quote check"
      className="space-y-2 rounded border border-stone-200 bg-stone-50 p-2 text-sm"
      data-testid="quote-check"
    >
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold">Quote check</span>
        <QuoteCheckBadge result={check.result} />
        <span className="text-xs text-stone-700">{Math.round(check.similarity * 100)}% of the words match</span>
      </p>
      {alignment.length > 0 && <WordComparison alignment={alignment} />}
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
        <ul
          aria-label="Notes on minor differences"
          className="list-disc space-y-0.5 pl-5 text-xs"
          data-testid="quote-notes"
        >
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
