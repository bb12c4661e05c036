/** The quote check's result types (see quote-check.ts for what each result means). */
export type QuoteCheckResult = "verbatim" | "minor_differences" | "altered" | "not_found";
export type DifferenceReason = "spacing" | "spelling" | "ocr" | "narration" | "ellipsis" | "editorial" | "words";
export type QuoteDifference = {
  /** insert: words only the article has; delete: source words the article leaves out; replace: both. */
  kind: "insert" | "delete" | "replace";
  article?: string;
  source?: string;
  /** Why it is minor, or "words" when it is a real change. */
  reason: DifferenceReason;
};
/**
 * One run of the word-by-word comparison. The steps cover every word of the quote in order
 * (equal runs included), so a UI can print the article's words and the source's words side by
 * side and mark the rest: `article` and `source` are the words as written, from the run's
 * first word to its last (punctuation inside the run kept); join runs with a space.
 *   equal    the same words (give or take typography, case and punctuation);
 *   insert   words only the article has (`article` only);
 *   delete   source words the article leaves out (`source` only);
 *   replace  these article words stand where the source has those.
 * `reason` (never on equal runs) says why a difference is minor, or "words" when it is a change.
 */
export type AlignmentStep = {
  op: "equal" | "insert" | "delete" | "replace";
  article?: string;
  source?: string;
  reason?: DifferenceReason;
};
export type QuoteCheck = {
  result: QuoteCheckResult;
  matchStart: number | null;
  matchEnd: number | null;
  /** 1 for verbatim; otherwise 1 − character edit distance / length, on search-normalised text. */
  similarity: number;
  differences: QuoteDifference[];
  /** The word-by-word comparison for display; see AlignmentStep. */
  alignment: AlignmentStep[];
  notes: string[];
};

/** [start, end) in UTF-16 code units. */
export type Range = { start: number; end: number };
/**
 * A step while comparing: `art` holds one range per article word (offsets into the quote as
 * passed to compareQuote), `src` one per source word (offsets into the source text), so a step
 * can still be split where an editorial insertion was taken out.
 */
export type Step = { op: AlignmentStep["op"]; art: Range[]; src: Range[]; reason?: DifferenceReason };
/** A quote check before its alignment is written out as text. */
export type RawCheck = Omit<QuoteCheck, "alignment"> & { steps: Step[] };
