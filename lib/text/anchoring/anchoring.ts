/**
 * Where a claim or an evidence span sits in a text, and finding it again after edits.
 *
 * Selectors follow the W3C Web Annotation model (TextQuoteSelector and
 * TextPositionSelector, both stored) and re-anchoring follows Hypothesis
 * (`src/annotator/anchoring/match-quote.ts`): position first, accepted only if
 * the quote is still there, then the quote, then a fuzzy match scored by quote,
 * prefix, suffix and nearness.
 *
 * Offsets count UTF-16 code units: the unit of JavaScript strings, DOM Ranges,
 * ProseMirror's text offsets and Hypothesis's selectors, so a number can cross
 * between the editor, the server and stored selectors without conversion.
 * Ranges never start or end inside a surrogate pair or before a combining mark.
 *
 * Unlike Hypothesis, a weak match is refused: below the thresholds the claim is
 * orphaned, because attaching a verdict to the wrong words is worse than asking
 * the checker to re-attach it.
 */
import approxSearch from "approx-string-match";

import { boundedEditDistance } from "../core/edit-distance";
import { snapEnd, snapStart, WORD_CHAR } from "../core/characters";

export type TextQuoteSelector = { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string };
export type TextPositionSelector = { type: "TextPositionSelector"; start: number; end: number };
/** What is stored for a claim; the position may be missing in imported selectors. */
export type Selectors = { quote: TextQuoteSelector; position?: TextPositionSelector };
/** What describeRange and reanchorAll produce: both selectors, always. */
export type DescribedRange = Required<Selectors>;

export type AnchorMethod = "position" | "quote-exact" | "fuzzy";
export type OrphanReason = "empty-quote" | "not-found" | "low-similarity" | "no-context";
/**
 * `score` (0..1) weighs quote 50, prefix 20, suffix 20 and nearness 2, as Hypothesis
 * does; `exact` is the text found, which differs from the selector's after a fuzzy
 * match. An orphan's `bestScore` is the same score for the closest refused candidate.
 */
export type AnchorResult =
  | { status: "anchored"; start: number; end: number; exact: string; method: AnchorMethod; score: number }
  | { status: "orphaned"; reason: OrphanReason; bestScore: number };

export type AnchorOptions = {
  /** Where the quote is expected (defaults to the position selector's start); a tie-breaker. */
  hint?: number;
  /** Minimum similarity of the found text to the quote, 0..1. Default 0.75. */
  minQuoteSimilarity?: number;
};

/**
 * 32 code units of context is about five words: enough to tell apart repeated
 * short quotes ("Pakistan", "nervous") without storing whole sentences, and
 * exactly one 32-bit block of approx-string-match's bit-parallel search, so
 * scoring a candidate's context is one cheap pass. Hypothesis uses the same.
 */
export const DEFAULT_CONTEXT_LENGTH = 32;
export const MIN_QUOTE_SIMILARITY = 0.75;
/** Quotes shorter than this are not distinctive alone: they also need their context. */
export const SHORT_QUOTE_LENGTH = 32;
/**
 * A short quote is accepted only where its prefix and suffix average at least this.
 * Unrelated 32-character contexts score about 0.3 (0.44 at the 99th percentile on
 * the seed article), so one intact side (1.0) passes even if the other was
 * rewritten, while one side that merely resembles a stock phrase ("’s nuclear
 * proliferation", 0.8) next to an unrelated one does not.
 */
export const MIN_CONTEXT_SCORE = 0.6;

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const MAX_EXACT_CANDIDATES = 500;
/** Above this quote length, snapping match edges to words costs more than it is worth. */
const MAX_EXACT_DISTANCE_LENGTH = 2000;

/**
 * Describe [start, end) of `text` with both selectors. The range is widened to
 * whole characters (surrogate pairs, letters with their marks), and so is the
 * context, so no stored string begins or ends with half a character.
 */
export function describeRange(
  text: string,
  start: number,
  end: number,
  contextLength: number = DEFAULT_CONTEXT_LENGTH,
): DescribedRange {
  if (!(start >= 0 && start <= end && end <= text.length)) {
    throw new RangeError(`Invalid range [${start}, ${end}) for text of length ${text.length}`);
  }
  const s = snapStart(text, start);
  const e = snapEnd(text, end);
  return {
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(s, e),
      prefix: text.slice(snapStart(text, s - contextLength), s),
      suffix: text.slice(e, snapEnd(text, e + contextLength)),
    },
    position: { type: "TextPositionSelector", start: s, end: e },
  };
}

type Candidate = { start: number; end: number; errors: number };
type Scored = Candidate & { quote: number; prefix: number; suffix: number; total: number };

/** Similarity of `actual` to `expected` context, 0..1; an empty expectation is neutral (0.5). */
function contextScore(expected: string, actual: string): number {
  if (expected === "") return actual === "" ? 1 : 0.5;
  if (actual === expected) return 1;
  if (actual === "") return 0;
  const best = approxSearch(actual, expected, expected.length)[0];
  return best ? 1 - best.errors / expected.length : 0;
}

function score(text: string, quote: TextQuoteSelector, hint: number | undefined, c: Candidate): Scored {
  const q = Math.max(0, 1 - c.errors / quote.exact.length);
  const prefix = contextScore(quote.prefix, text.slice(Math.max(0, c.start - quote.prefix.length), c.start));
  const suffix = contextScore(quote.suffix, text.slice(c.end, c.end + quote.suffix.length));
  const position = hint === undefined ? 1 : 1 - Math.abs(c.start - hint) / Math.max(1, text.length);
  const raw = WEIGHTS.quote * q + WEIGHTS.prefix * prefix + WEIGHTS.suffix * suffix + WEIGHTS.position * position;
  const max = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;
  return { ...c, quote: q, prefix, suffix, total: raw / max };
}

function contextSupports(quote: TextQuoteSelector, s: Scored): boolean {
  if (quote.exact.length >= SHORT_QUOTE_LENGTH) return true;
  if (quote.prefix === "" && quote.suffix === "") return true; // nothing recorded to check against
  return (s.prefix + s.suffix) / 2 >= MIN_CONTEXT_SCORE;
}

/** Approximate matches for the quote within [from, to) of the text. */
function searchIn(text: string, exact: string, from: number, to: number): Candidate[] {
  const maxErrors = Math.min(256, Math.floor(exact.length / 2));
  return approxSearch(text.slice(from, to), exact, maxErrors).map((m) => ({
    ...m,
    start: m.start + from,
    end: m.end + from,
  }));
}

/** Near the expected place: cheap, and where an edited quote usually still is. */
function fuzzyNear(text: string, exact: string, hint: number): Candidate[] {
  const margin = Math.max(256, exact.length);
  return searchIn(text, exact, Math.max(0, hint - margin), Math.min(text.length, hint + exact.length + margin));
}

/**
 * Across the whole text, two ways, because approx-string-match returns only the
 * matches with the fewest errors: the edited original can lose to a cleaner
 * look-alike elsewhere, and searching for prefix + quote + suffix brings it back
 * into the running. Long quotes are distinctive enough without that second pass.
 */
function fuzzyEverywhere(text: string, quote: TextQuoteSelector): Candidate[] {
  const { exact, prefix, suffix } = quote;
  const found = searchIn(text, exact, 0, text.length);
  if ((prefix || suffix) && exact.length < 256) {
    const wide = prefix + exact + suffix;
    for (const m of approxSearch(text, wide, Math.min(256, Math.floor(wide.length / 2)))) {
      found.push(...searchIn(text, exact, Math.max(0, m.start - 8), Math.min(text.length, m.end + 8)));
    }
  }
  return found;
}

/**
 * Move fuzzy match edges to word boundaries when the quote itself began or ended
 * on one, keeping whichever edge gives the smallest edit distance: approximate
 * matching happily trims "the" to "e" to save an error.
 */
function snapToWords(text: string, quote: TextQuoteSelector, c: Candidate): Candidate {
  const { exact } = quote;
  let { start, end } = { start: snapStart(text, c.start), end: snapEnd(text, c.end) };
  if (exact.length > MAX_EXACT_DISTANCE_LENGTH)
    return { start, end, errors: boundedEditDistance(text.slice(start, end), exact) };
  const isWord = (i: number) => i >= 0 && i < text.length && WORD_CHAR.test(text[i] as string);
  const startsWord = WORD_CHAR.test(exact[0] as string) && !WORD_CHAR.test(quote.prefix.slice(-1) || " ");
  const endsWord = WORD_CHAR.test(exact.slice(-1)) && !WORD_CHAR.test(quote.suffix[0] ?? " ");
  const pick = (options: number[], make: (k: number) => string) => {
    let best = { k: options[0] as number, d: Infinity };
    for (const k of options) {
      const d = boundedEditDistance(make(k), exact);
      if (d < best.d) best = { k, d };
    }
    return best;
  };
  const near = (at: number, boundary: (k: number) => boolean) => {
    const ks = [at];
    for (let k = at - 8; k <= at + 8; k++) if (k !== at && boundary(k)) ks.push(k);
    return ks.sort((x, y) => Math.abs(x - at) - Math.abs(y - at));
  };
  if (startsWord && isWord(start - 1)) {
    start = pick(
      near(start, (k) => k >= 0 && k < end && isWord(k) && !isWord(k - 1)),
      (k) => text.slice(k, end),
    ).k;
  }
  if (endsWord && isWord(end)) {
    end = pick(
      near(end, (k) => k > start && k <= text.length && isWord(k - 1) && !isWord(k)),
      (k) => text.slice(start, k),
    ).k;
  }
  return { start, end, errors: boundedEditDistance(text.slice(start, end), exact) };
}

/** Find the selectors' words in `text`, or say why they cannot be found. */
export function anchor(text: string, selectors: Selectors, options: AnchorOptions = {}): AnchorResult {
  const { quote, position } = selectors;
  const { exact } = quote;
  if (exact.length === 0) return { status: "orphaned", reason: "empty-quote", bestScore: 0 };
  const hint = options.hint ?? position?.start;
  const minQuote = options.minQuoteSimilarity ?? MIN_QUOTE_SIMILARITY;
  const accepted = (s: Scored) => s.quote >= minQuote && contextSupports(quote, s);
  const anchored = (s: Scored, method: AnchorMethod): AnchorResult => ({
    status: "anchored",
    start: s.start,
    end: s.end,
    exact: text.slice(s.start, s.end),
    method,
    score: s.total,
  });

  if (position && text.slice(position.start, position.end) === exact) {
    const atPosition = score(text, quote, hint, { start: position.start, end: position.end, errors: 0 });
    // A short quote that is still at its offset but whose context is gone is a coincidence.
    if (contextSupports(quote, atPosition)) return anchored(atPosition, "position");
  }

  const exactCandidates: Candidate[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    exactCandidates.push({ start: at, end: at + exact.length, errors: 0 });
  }
  if (hint !== undefined) exactCandidates.sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint));
  const scored = exactCandidates.slice(0, MAX_EXACT_CANDIDATES).map((c) => score(text, quote, hint, c));
  const bestExact = pickBest(scored.filter(accepted));
  // Clear winner: the words and both sides of their context are intact.
  if (bestExact && bestExact.prefix >= 0.8 && bestExact.suffix >= 0.8) return anchored(bestExact, "quote-exact");

  const seen = new Set(exactCandidates.map((c) => `${c.start}:${c.end}`));
  const consider = (candidates: Candidate[]) => {
    for (const c of candidates) {
      const key = `${c.start}:${c.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      scored.push(score(text, quote, hint, snapToWords(text, quote, c)));
    }
    return pickBest(scored.filter(accepted));
  };
  const method = (s: Scored) => (s.errors === 0 ? "quote-exact" : "fuzzy");
  if (hint !== undefined) {
    const near = consider(fuzzyNear(text, exact, hint));
    // Found near where it was, context intact: no need to search the whole text.
    if (near && near.prefix >= 0.8 && near.suffix >= 0.8) return anchored(near, method(near));
  }
  const best = consider(fuzzyEverywhere(text, quote));
  if (best) return anchored(best, method(best));

  const closest = pickBest(scored);
  if (!closest) return { status: "orphaned", reason: "not-found", bestScore: 0 };
  const reason: OrphanReason = closest.quote < minQuote ? "low-similarity" : "no-context";
  return { status: "orphaned", reason, bestScore: closest.total };
}

function pickBest(scored: Scored[]): Scored | undefined {
  let best: Scored | undefined;
  for (const s of scored) if (!best || s.total > best.total) best = s;
  return best;
}
