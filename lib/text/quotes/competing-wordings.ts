/**
 * Competing wordings: the same statement worded differently by different sources linked to
 * one claim, shown side by side and never silently reconciled.
 *
 *   competingWordings(quote: string, spans: readonly EvidenceSpan[]): CompetingWordings
 *   accurateBlockedReason(kind: string, spans: readonly EvidenceSpan[], quote?: string): string | null
 *
 * Each span is read against the article's quote with the quote check, so two sources are
 * compared on the same words of the quote: typography, case, punctuation, spelling variants,
 * OCR noise and narration between fragments are not disagreements, and neither is one source
 * printing more or less of the statement than another (extent). Sources disagree when, for
 * some word of the quote both print, they print different words (or one prints a word the
 * other has not).
 */
import { findWords } from "../core/characters";
import { compareQuote, type AlignmentStep, type QuoteCheckResult } from "./quote-check";
import { searchForm } from "../search/search-normalise";

export type EvidenceSpan = {
  evidenceId: string;
  documentId: string;
  documentTitle: string;
  primary: boolean;
  /** The cited words, as the source prints them. */
  exact: string;
  relation: string;
};
export type WordingSource = Omit<EvidenceSpan, "exact">;
export type Wording = {
  /** The words this wording gives for the quote, as its first source prints them. */
  text: string;
  /** How the article's quote compares with these words, and the word-by-word comparison. */
  result: QuoteCheckResult;
  alignment: AlignmentStep[];
  sources: WordingSource[];
};
export type CompetingWordings = {
  /** Distinct wordings: those carried by a primary source first, then the closest to the article. */
  wordings: Wording[];
  /** Spans in which the quote was not found at all: not a wording of it. */
  unmatched: WordingSource[];
  /** True when two sources print different words for the same words of the quote. */
  disagree: boolean;
};

const RANK: Record<QuoteCheckResult, number> = { verbatim: 0, minor_differences: 1, altered: 2, not_found: 3 };
const BLOCKED =
  "The secondary sources word this quote differently and no primary source is linked: link the primary source before calling it accurate.";

/** Group the spans by what they print for the quote's words. */
export function competingWordings(quote: string, spans: readonly EvidenceSpan[]): CompetingWordings {
  const groups = new Map<string, Wording & { order: number; readings: Reading }>();
  const unmatched: WordingSource[] = [];
  const readings: Reading[] = [];
  spans.forEach((span, order) => {
    const { exact, ...sourceOf } = span;
    const check = compareQuote(quote, exact);
    if (check.result === "not_found" || check.matchStart === null) {
      unmatched.push(sourceOf);
      return;
    }
    const reading = readingOf(check.alignment);
    readings.push(reading);
    const key = JSON.stringify(reading);
    const group = groups.get(key);
    if (group) group.sources.push(sourceOf);
    else {
      const text = exact.slice(check.matchStart, check.matchEnd ?? undefined);
      groups.set(key, {
        text,
        result: check.result,
        alignment: check.alignment,
        sources: [sourceOf],
        order,
        readings: reading,
      });
    }
  });
  const disagree = readings.some((a, i) => readings.slice(i + 1).some((b) => conflict(a, b)));
  const primaryFirst = (w: Wording) => (w.sources.some((s) => s.primary) ? 0 : 1);
  const wordings = [...groups.values()]
    .sort((a, b) => primaryFirst(a) - primaryFirst(b) || RANK[a.result] - RANK[b.result] || a.order - b.order)
    .map(({ text, result, alignment, sources }) => ({ text, result, alignment, sources }));
  return { wordings, unmatched, disagree };
}

/**
 * Why a quote may not be called "accurate" yet, or null. A quote whose only evidence is
 * secondary sources that word it differently cannot be: only the primary source settles the
 * wording. Spans linked as context do not count either way. Without `quote`, the spans are
 * compared with each other (each pair on the shorter one's words).
 */
export function accurateBlockedReason(kind: string, spans: readonly EvidenceSpan[], quote?: string): string | null {
  if (kind !== "quote") return null;
  const cited = spans.filter((s) => s.relation !== "context");
  if (cited.some((s) => s.primary)) return null;
  const secondary = cited.filter((s) => !s.primary);
  if (secondary.length < 2) return null;
  if (quote !== undefined && /[\p{L}\p{N}]/u.test(quote))
    return competingWordings(quote, secondary).disagree ? BLOCKED : null;
  const pairs = secondary.flatMap((a, i) => secondary.slice(i + 1).map((b) => [a, b] as const));
  return pairs.some(([a, b]) => {
    const reference = a.exact.length <= b.exact.length ? a : b;
    return competingWordings(reference.exact, [a, b]).disagree;
  })
    ? BLOCKED
    : null;
}

/**
 * What a source prints for each word of the quote: the word itself (folded) where it agrees,
 * or what it prints instead; undefined outside the source's extent and for the article's own
 * editorial insertions. Source words the quote lacks are attached to the next quote word.
 */
type Reading = Array<string | null>;

function readingOf(alignment: readonly AlignmentStep[]): Reading {
  const reading: Reading = [];
  let extra = "";
  for (const step of alignment) {
    const words = findWords(step.article ?? "").map((w) => searchForm(w.text));
    const minor = step.op === "equal" || (step.reason !== undefined && step.reason !== "words");
    if (step.op === "delete") {
      if (!minor) extra += `+${searchForm(step.source ?? "")}`;
      continue;
    }
    if (step.reason === "editorial") {
      reading.push(...words.map(() => null));
      continue;
    }
    const printed = minor ? null : step.op === "insert" ? "∅" : `≠${searchForm(step.source ?? "")}`;
    for (const word of words) {
      reading.push(extra + (printed ?? word));
      extra = "";
    }
  }
  // Article words before the source's first word or after its last are outside its extent.
  const edge = (i: number) => alignment[i]?.op === "insert" && alignment[i]?.reason === "words";
  const leading = edge(0) ? findWords(alignment[0]?.article ?? "").length : 0;
  const trailing =
    alignment.length > 1 && edge(alignment.length - 1) ? findWords(alignment.at(-1)?.article ?? "").length : 0;
  return reading.map((r, i) => (i < leading || i >= reading.length - trailing ? null : r));
}

function conflict(a: Reading, b: Reading): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x != null && y != null && x !== y) return true;
  }
  return false;
}
