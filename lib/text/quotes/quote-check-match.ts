/**
 * One quote (no ellipsis, no insertion handling) against one source: find it verbatim, or
 * find the closest span and compare it word by word. Internal to quote-check.ts.
 */
import approxSearch from "approx-string-match";

import { WORD_CHAR } from "../core/characters";
import { boundedEditDistance } from "../core/edit-distance";
import {
  normaliseForMatch,
  normaliseForSearch,
  normaliseText,
  toOriginalRange,
  TYPOGRAPHIC_ONLY,
  type Normalised,
} from "../core/normalise";
import { describeOp, looksLikeOcr, noteFor, punctuationOf, sameTypography } from "./quote-check-describe";
import type { Range, RawCheck, Step } from "./quote-check-types";
import { diffWords, tokeniseWords, type WordToken } from "./word-diff";

/** A source normalised once, for comparing many quotes against it. */
export type PreparedSource = { text: string; typographic: Normalised; searchable: Normalised };

export type CompareQuoteOptions = {
  /** The source is OCR text: small letter-level differences are read as OCR noise. Detected when unset. */
  sourceIsOcr?: boolean;
};

/** Below this share of the article's words found in order, the source does not contain the quote. */
const MIN_MATCHED_WORDS = 0.5;
const QUOTE_MARKS = new Set([...'"“”„‟«»']);
const OPENING_SINGLE = new Set([..."'‘‹"]);
const CLOSING_SINGLE = new Set([..."'’›"]);

const keyOf = (word: string) => normaliseText(word);
const rangesOf = (tokens: readonly WordToken[], shift: number): Range[] =>
  tokens.map((t) => ({ start: t.start + shift, end: t.end + shift }));

export function prepareSource(text: string): PreparedSource {
  return { text, typographic: normaliseForMatch(text, TYPOGRAPHIC_ONLY), searchable: normaliseForSearch(text) };
}

export function notFound(similarity = 0): RawCheck {
  return { result: "not_found", matchStart: null, matchEnd: null, similarity, differences: [], notes: [], steps: [] };
}

/**
 * The quote without the quotation marks and spaces around it, and where it starts. Single
 * quotes go only as a pair: a lone trailing ’ is an apostrophe ("the leaders’").
 */
export function trimQuote(quote: string): { text: string; offset: number } {
  let start = 0;
  let end = quote.length;
  const outer = (c: string) => QUOTE_MARKS.has(c) || /\s/u.test(c);
  while (start < end && outer(quote[start] as string)) start++;
  while (end > start && outer(quote[end - 1] as string)) end--;
  if (end - start >= 2 && OPENING_SINGLE.has(quote[start] as string) && CLOSING_SINGLE.has(quote[end - 1] as string)) {
    start++;
    end--;
  }
  return { text: quote.slice(start, end), offset: start };
}

/** The first normalised index at or after original offset `from` (the map never decreases). */
function normalisedFrom(n: Normalised, from: number): number {
  let lo = 0;
  let hi = n.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((n.map[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Compare one quote with the source from original offset `from` on. `base` is where `quote`
 * starts inside the quote given to compareQuote, so the steps' article ranges point into that.
 */
export function compareOnce(
  quote: string,
  base: number,
  prepared: PreparedSource,
  from: number,
  options: CompareQuoteOptions,
): RawCheck {
  const { text: source, searchable } = prepared;
  const { text: clean, offset } = trimQuote(quote);
  const shift = base + offset;
  const needle = normaliseText(clean, { dropPunctuation: true });
  if (needle === "") return notFound();

  const verbatim = findVerbatim(clean, shift, prepared, from);
  if (verbatim) return verbatim;

  // Locate the closest span on search-normalised text, then compare word by word.
  const at = normalisedFrom(searchable, from);
  // approx-string-match returns only the matches with the fewest errors; the first will do.
  const best = approxSearch(searchable.text.slice(at), needle, Math.min(256, Math.floor(needle.length / 2)))[0];
  if (!best) return notFound();
  let { start, end } = toOriginalRange(searchable, best.start + at, best.end + at);
  while (start > from && WORD_CHAR.test(source[start - 1] as string)) start--;
  while (end < source.length && WORD_CHAR.test(source[end] as string)) end++;

  const articleTokens = tokeniseWords(clean, keyOf);
  let sourceTokens = tokeniseWords(source.slice(start, end), keyOf).map((t) => ({
    ...t,
    start: t.start + start,
    end: t.end + start,
  }));
  let ops = diffWords(sourceTokens, articleTokens);
  // Source words beyond either end of the quote are not part of the match.
  const first = ops[0];
  const last = ops[ops.length - 1];
  const dropHead = first?.kind === "delete" ? first.aEnd : 0;
  const dropTail = last?.kind === "delete" && last !== first ? last.aEnd - last.aStart : 0;
  if (dropHead || dropTail) {
    sourceTokens = sourceTokens.slice(dropHead, sourceTokens.length - dropTail);
    ops = diffWords(sourceTokens, articleTokens);
  }
  const matched = ops.filter((op) => op.kind === "equal").reduce((n, op) => n + op.bEnd - op.bStart, 0);
  const matchStart = sourceTokens[0]?.start ?? start;
  const matchEnd = sourceTokens[sourceTokens.length - 1]?.end ?? end;
  const similarity =
    1 -
    boundedEditDistance(needle, normaliseText(source.slice(matchStart, matchEnd), { dropPunctuation: true })) /
      Math.max(needle.length, 1);
  if (matched / Math.max(articleTokens.length, 1) < MIN_MATCHED_WORDS) return notFound(Math.max(0, similarity));

  const ocr = options.sourceIsOcr ?? looksLikeOcr(source.slice(matchStart, matchEnd));
  const steps: Step[] = [];
  const differences = [];
  for (const op of ops) {
    const art = rangesOf(articleTokens.slice(op.bStart, op.bEnd), shift);
    const src = rangesOf(sourceTokens.slice(op.aStart, op.aEnd), 0);
    if (op.kind === "equal") {
      steps.push({ op: "equal", art, src });
      continue;
    }
    const difference = describeOp(op, sourceTokens, articleTokens, source, clean, ocr);
    differences.push(difference);
    steps.push({ op: op.kind, art, src, reason: difference.reason });
  }
  const notes = differences.filter((d) => d.reason !== "words").map(noteFor);
  const caseDiffers = ops.some(
    (op) =>
      op.kind === "equal" &&
      sourceTokens
        .slice(op.aStart, op.aEnd)
        .some((t, k) => sameTypography(t.text) !== sameTypography(articleTokens[op.bStart + k]?.text ?? "")),
  );
  if (caseDiffers) notes.push("letter case or accents differ");
  // Inside the words only: the quote's closing punctuation is the article's sentence.
  const articleInner = clean.slice(articleTokens[0]?.start ?? 0, articleTokens[articleTokens.length - 1]?.end ?? 0);
  if (punctuationOf(articleInner) !== punctuationOf(source.slice(matchStart, matchEnd)))
    notes.push("punctuation differs");
  return {
    result: differences.some((d) => d.reason === "words") ? "altered" : "minor_differences",
    matchStart,
    matchEnd,
    similarity: Math.max(0, similarity),
    differences,
    notes,
    steps,
  };
}

/** Exact after typographic normalisation; the article's closing , or . may differ (house style). */
function findVerbatim(
  clean: string,
  shift: number,
  { text: source, typographic }: PreparedSource,
  from: number,
): RawCheck | null {
  const trimmed = clean.replace(/[\s,.;:]+$/u, "");
  for (const candidate of trimmed === clean ? [clean] : [clean, trimmed]) {
    const needle = normaliseText(candidate, TYPOGRAPHIC_ONLY);
    const at = needle ? typographic.text.indexOf(needle, normalisedFrom(typographic, from)) : -1;
    if (at < 0) continue;
    const { start, end } = toOriginalRange(typographic, at, at + needle.length);
    const notes: string[] = [];
    if (candidate !== clean) notes.push("closing punctuation differs: it belongs to the article's sentence");
    // U+FEFF is invisible (and how compareQuote blanks out an editorial insertion).
    if (source.slice(start, end) !== candidate.replace(/\uFEFF/gu, ""))
      notes.push("typographic differences only (quotation marks, dashes, spacing)");
    const art = rangesOf(tokeniseWords(candidate, keyOf), shift);
    const src = rangesOf(tokeniseWords(source.slice(start, end), keyOf), start);
    // A quote of punctuation alone has no words to show, but still matched: keep its span.
    const step: Step = {
      op: "equal",
      art: art.length ? art : [{ start: shift, end: shift + candidate.length }],
      src: src.length ? src : [{ start, end }],
    };
    return {
      result: "verbatim",
      matchStart: start,
      matchEnd: end,
      similarity: 1,
      differences: [],
      notes,
      steps: [step],
    };
  }
  return null;
}
