/**
 * Quote check: how an article's quotation compares with the words of its source.
 *
 *   verbatim           the same after typographic normalisation only (curly or straight
 *                      quotes, dashes, spacing, line breaks, ligatures);
 *   minor_differences  the same words, give or take case, punctuation, spelling variants
 *                      (criticise/criticize), OCR noise in the source ("go6d aea"), words
 *                      split by OCR, narration between quoted fragments ("…," Putin said. "…"),
 *                      omissions marked by an ellipsis, or an editorial insertion in brackets;
 *   altered            words added, removed or changed;
 *   not_found          nothing in the source is close enough to compare.
 *
 * Offsets (matchStart, matchEnd) are UTF-16 code units into the source text, like
 * the selectors in anchoring.ts. Every minor difference also leaves a note, so the
 * checker can see why a quote was not called altered.
 */
import approxSearch from "approx-string-match";

import {
  normaliseForMatch,
  normaliseForSearch,
  normaliseText,
  toOriginalRange,
  TYPOGRAPHIC_ONLY,
  type Normalised,
} from "./normalise";
import { WORD_CHAR } from "./characters";
import { boundedEditDistance, editDistance } from "./edit-distance";
import { foldSpelling } from "./spelling";
import { diffWords, tokeniseWords, type DiffOp, type WordToken } from "./word-diff";

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
export type QuoteCheck = {
  result: QuoteCheckResult;
  matchStart: number | null;
  matchEnd: number | null;
  /** 1 for verbatim; otherwise 1 − character edit distance / length, on search-normalised text. */
  similarity: number;
  differences: QuoteDifference[];
  notes: string[];
};
/** A source normalised once, for comparing many quotes against it. */
export type PreparedSource = { text: string; typographic: Normalised; searchable: Normalised };

export type CompareQuoteOptions = {
  /** The source is OCR text: small letter-level differences are read as OCR noise. Detected when unset. */
  sourceIsOcr?: boolean;
};

/** Below this share of the article's words found in order, the source does not contain the quote. */
const MIN_MATCHED_WORDS = 0.5;
/** Letter-level differences up to this share of a phrase can be OCR noise, if the source looks like OCR. */
const MAX_OCR_ERROR_RATE = 0.4;
const RANK: Record<QuoteCheckResult, number> = { verbatim: 0, minor_differences: 1, altered: 2, not_found: 3 };

const OUTER_QUOTES = /^[\s"“”„‟«»]+|[\s"“”„‟«»]+$/gu;
// Single quotes are stripped only as a pair: a lone trailing ’ is an apostrophe ("the leaders’").
const OUTER_SINGLE_QUOTES = /^\s*['‘‹]([\s\S]*)['’›]\s*$/u;
const ELLIPSIS = /\s*(?:\[\s*(?:\.\s?){3}\]|\[…\]|(?:\.\s?){2}\.|…)\s*/gu;
const INSERTION = /\s*(?:\[[^[\]]{1,80}\]|\([^()]{1,80}\))/gu;
const DOUBLE_QUOTE_MARKS = /["“”„‟«»]/gu;

const keyOf = (word: string) => normaliseText(word);
const notFound = (similarity = 0): QuoteCheck => ({
  result: "not_found", matchStart: null, matchEnd: null, similarity, differences: [], notes: [],
});

export function prepareSource(text: string): PreparedSource {
  return { text, typographic: normaliseForMatch(text, TYPOGRAPHIC_ONLY), searchable: normaliseForSearch(text) };
}

/** Compare an article's quote with a source text (a document or one passage of it). */
export function compareQuote(
  articleQuote: string,
  sourceText: string | PreparedSource,
  options: CompareQuoteOptions = {},
): QuoteCheck {
  const source = typeof sourceText === "string" ? prepareSource(sourceText) : sourceText;
  const asWritten = compareWithEllipses(articleQuote, source, options);
  const insertions = [...articleQuote.matchAll(INSERTION)].map((m) => m[0].trim());
  if (insertions.length === 0 || asWritten.result === "verbatim") return asWritten;

  // Brackets in a quote are usually the writer's words; compare without them too.
  const without = compareWithEllipses(articleQuote.replace(INSERTION, ""), source, options);
  const better = RANK[without.result] < RANK[asWritten.result] ||
    (without.result === asWritten.result && without.similarity > asWritten.similarity);
  if (!better) return asWritten;
  return {
    ...without,
    result: without.result === "verbatim" ? "minor_differences" : without.result,
    differences: [...insertions.map((article): QuoteDifference => ({ kind: "insert", article, reason: "editorial" })), ...without.differences],
    notes: [...insertions.map((i) => `editorial insertion: ${i} is the article's, not the speaker's`), ...without.notes],
  };
}

function compareWithEllipses(quote: string, prepared: PreparedSource, options: CompareQuoteOptions): QuoteCheck {
  const source = prepared.text;
  const whole = compareOnce(quote, prepared, 0, options);
  const fragments = trimQuote(quote).split(ELLIPSIS).filter((f) => WORD_CHAR.test(f));
  if (whole.result === "verbatim" || fragments.length < 2) return whole;

  // An ellipsis marks an omission: each fragment must be found, in order.
  const parts: QuoteCheck[] = [];
  let from = 0;
  for (const fragment of fragments) {
    const part = compareOnce(fragment, prepared, from, options);
    if (part.matchStart === null || part.matchEnd === null) return whole;
    parts.push(part);
    from = part.matchEnd;
  }
  const differences: QuoteDifference[] = [];
  const notes: string[] = [];
  parts.forEach((part, i) => {
    const previous = parts[i - 1];
    if (previous) {
      const gap = source.slice(previous.matchEnd as number, part.matchStart as number);
      const omitted = gap.slice(gap.search(WORD_CHAR), gap.length - [...gap].reverse().join("").search(WORD_CHAR));
      if (WORD_CHAR.test(gap)) {
        differences.push({ kind: "delete", source: omitted, reason: "ellipsis" });
        notes.push(`omission marked by an ellipsis: "${omitted}"`);
      }
    }
    differences.push(...part.differences);
    notes.push(...part.notes);
  });
  const worst = Math.max(RANK.minor_differences, ...parts.map((p) => RANK[p.result]));
  const combined: QuoteCheck = {
    result: (Object.keys(RANK) as QuoteCheckResult[]).find((r) => RANK[r] === worst) ?? "altered",
    matchStart: parts[0]?.matchStart ?? null,
    matchEnd: parts[parts.length - 1]?.matchEnd ?? null,
    similarity: Math.min(...parts.map((p) => p.similarity)),
    differences,
    notes,
  };
  return RANK[combined.result] <= RANK[whole.result] ? combined : whole;
}

function trimQuote(quote: string): string {
  const trimmed = quote.replace(OUTER_QUOTES, "");
  return trimmed.replace(OUTER_SINGLE_QUOTES, "$1");
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

/** Compare one quote (no ellipsis handling) with the source from original offset `from` on. */
function compareOnce(quote: string, prepared: PreparedSource, from: number, options: CompareQuoteOptions): QuoteCheck {
  const { text: source, searchable } = prepared;
  const clean = trimQuote(quote);
  const needle = normaliseText(clean, { dropPunctuation: true });
  if (needle === "") return notFound();

  const verbatim = findVerbatim(clean, prepared, from);
  if (verbatim) return verbatim;

  // Locate the closest span on search-normalised text, then compare word by word.
  const offset = normalisedFrom(searchable, from);
  // approx-string-match returns only the matches with the fewest errors; the first will do.
  const best = approxSearch(searchable.text.slice(offset), needle, Math.min(256, Math.floor(needle.length / 2)))[0];
  if (!best) return notFound();
  let { start, end } = toOriginalRange(searchable, best.start + offset, best.end + offset);
  while (start > from && WORD_CHAR.test(source[start - 1] as string)) start--;
  while (end < source.length && WORD_CHAR.test(source[end] as string)) end++;

  const articleTokens = tokeniseWords(clean, keyOf);
  let sourceTokens = tokeniseWords(source.slice(start, end), keyOf).map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
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
  const similarity = 1 - boundedEditDistance(needle, normaliseText(source.slice(matchStart, matchEnd), { dropPunctuation: true })) /
    Math.max(needle.length, 1);
  if (matched / Math.max(articleTokens.length, 1) < MIN_MATCHED_WORDS) return notFound(Math.max(0, similarity));

  const ocr = options.sourceIsOcr ?? looksLikeOcr(source.slice(matchStart, matchEnd));
  const differences = ops
    .filter((op) => op.kind !== "equal")
    .map((op) => describeOp(op, sourceTokens, articleTokens, source, clean, ocr));
  const notes = differences.filter((d) => d.reason !== "words").map(noteFor);
  const caseDiffers = ops.some((op) => op.kind === "equal" &&
    sourceTokens.slice(op.aStart, op.aEnd).some((t, k) => sameTypography(t.text) !== sameTypography(articleTokens[op.bStart + k]?.text ?? "")));
  if (caseDiffers) notes.push("letter case or accents differ");
  // Inside the words only: the quote's closing punctuation is the article's sentence.
  const articleInner = clean.slice(articleTokens[0]?.start ?? 0, articleTokens[articleTokens.length - 1]?.end ?? 0);
  if (punctuationOf(articleInner) !== punctuationOf(source.slice(matchStart, matchEnd))) notes.push("punctuation differs");
  return {
    result: differences.some((d) => d.reason === "words") ? "altered" : "minor_differences",
    matchStart,
    matchEnd,
    similarity: Math.max(0, similarity),
    differences,
    notes,
  };
}

/** Exact after typographic normalisation; the article's closing , or . may differ (house style). */
function findVerbatim(clean: string, { text: source, typographic }: PreparedSource, from: number): QuoteCheck | null {
  const trimmed = clean.replace(/[\s,.;:]+$/u, "");
  for (const candidate of trimmed === clean ? [clean] : [clean, trimmed]) {
    const needle = normaliseText(candidate, TYPOGRAPHIC_ONLY);
    const at = needle ? typographic.text.indexOf(needle, normalisedFrom(typographic, from)) : -1;
    if (at < 0) continue;
    const { start, end } = toOriginalRange(typographic, at, at + needle.length);
    const notes: string[] = [];
    if (candidate !== clean) notes.push("closing punctuation differs: it belongs to the article's sentence");
    if (source.slice(start, end) !== candidate) notes.push("typographic differences only (quotation marks, dashes, spacing)");
    return { result: "verbatim", matchStart: start, matchEnd: end, similarity: 1, differences: [], notes };
  }
  return null;
}

function describeOp(op: DiffOp, src: WordToken[], art: WordToken[], source: string, quote: string, ocr: boolean): QuoteDifference {
  const sourceWords = src.slice(op.aStart, op.aEnd);
  const articleWords = art.slice(op.bStart, op.bEnd);
  const span = (tokens: WordToken[], text: string) =>
    tokens.length ? text.slice((tokens[0] as WordToken).start, (tokens[tokens.length - 1] as WordToken).end) : undefined;
  const base = { kind: op.kind as QuoteDifference["kind"], article: span(articleWords, quote), source: span(sourceWords, source) };
  if (op.kind === "delete") {
    // Source words between a closing and an opening quotation mark are narration ("he told Bush").
    const before = src[op.aStart - 1];
    const after = src[op.aEnd];
    const between = before && after ? source.slice(before.end, after.start) : "";
    const marks = between.match(DOUBLE_QUOTE_MARKS)?.length ?? 0;
    return { ...base, reason: marks >= 2 ? "narration" : "words" };
  }
  if (op.kind === "insert") return { ...base, reason: "words" };
  const a = articleWords.map((t) => t.key);
  const s = sourceWords.map((t) => t.key);
  if (a.join("") === s.join("")) return { ...base, reason: "spacing" };
  if (a.length === s.length && a.every((w, k) => foldSpelling(w) === foldSpelling(s[k] as string))) {
    return { ...base, reason: "spelling" };
  }
  // A changed number is never noise: "2001" for "2005" changes the claim.
  const numbersChanged = [...a, ...s].some((w) => /^\p{N}+$/u.test(w));
  const joinedA = a.join("");
  const joinedS = s.join("");
  const rate = editDistance(joinedA, joinedS) / Math.max(joinedA.length, joinedS.length);
  if (ocr && !numbersChanged && rate <= MAX_OCR_ERROR_RATE) return { ...base, reason: "ocr" };
  return { ...base, reason: "words" };
}

function noteFor(d: QuoteDifference): string {
  const pair = `"${d.article ?? ""}" / "${d.source ?? ""}"`;
  switch (d.reason) {
    case "spacing": return `word spacing or hyphenation differs: ${pair}`;
    case "spelling": return `spelling variant: ${pair}`;
    case "ocr": return `minor OCR difference: the source reads "${d.source ?? ""}" for "${d.article ?? ""}"; check the scan`;
    case "narration": return `the source interrupts the quotation with narration: "${d.source ?? ""}"`;
    default: return `${d.reason}: ${pair}`;
  }
}

/**
 * OCR output shows itself by a digit inside a word ("go6d", "l0ng"; not "2nd" or "G8")
 * or by stray middle dots between words ("long·time", "it's · important").
 */
function looksLikeOcr(text: string): boolean {
  return /\p{L}\p{N}+\p{L}/u.test(text) || /\p{L}\s?·|·\s?\p{L}/u.test(text);
}

const sameTypography = (word: string) => normaliseText(word, TYPOGRAPHIC_ONLY);
const punctuationOf = (text: string) => normaliseText(text, TYPOGRAPHIC_ONLY).replace(/[\p{L}\p{N}\p{M}\s]/gu, "");
