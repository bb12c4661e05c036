/**
 * Why two runs of words differ: the judgement at the heart of the quote check between a minor
 * difference (spacing, spelling, OCR noise, narration) and a change of words.
 */
import { findWords } from "../core/characters";
import { editDistance } from "../core/edit-distance";
import { normaliseText, TYPOGRAPHIC_ONLY } from "../core/normalise";
import type { QuoteDifference } from "./quote-check-types";
import { foldSpellings } from "../core/spelling";
import type { DiffOp, WordToken } from "./word-diff";

/** Letter-level differences up to this share of a phrase can be OCR noise, if the source looks like OCR. */
const MAX_OCR_ERROR_RATE = 0.4;
const DOUBLE_QUOTE_MARKS = /["“”„‟«»]/gu;

/** Above this many words, what lies between two quoted passages is more than an attribution. */
const MAX_NARRATION_WORDS = 15;

/**
 * Source text between two quoted fragments is narration when it closes one quotation and
 * opens the next (",” he told Bush. “") and is short: a longer stretch would stitch together
 * words said at different moments.
 */
export function isNarration(between: string): boolean {
  const marks = between.match(DOUBLE_QUOTE_MARKS)?.length ?? 0;
  return marks >= 2 && findWords(between).length <= MAX_NARRATION_WORDS;
}

/** Describe one non-equal op of a word diff (`src` the source's tokens, `art` the article's). */
export function describeOp(
  op: DiffOp,
  src: readonly WordToken[],
  art: readonly WordToken[],
  source: string,
  quote: string,
  ocr: boolean,
): QuoteDifference {
  const sourceWords = src.slice(op.aStart, op.aEnd);
  const articleWords = art.slice(op.bStart, op.bEnd);
  const base = {
    kind: op.kind as QuoteDifference["kind"],
    ...textOf("article", articleWords, quote),
    ...textOf("source", sourceWords, source),
  };
  if (op.kind === "delete") {
    // Source words between a closing and an opening quotation mark are narration ("he told Bush").
    const before = src[op.aStart - 1];
    const after = src[op.aEnd];
    const between = before && after ? source.slice(before.end, after.start) : "";
    return { ...base, reason: isNarration(between) ? "narration" : "words" };
  }
  if (op.kind === "insert") return { ...base, reason: "words" };
  const a = articleWords.map((t) => t.key);
  const s = sourceWords.map((t) => t.key);
  if (a.join("") === s.join("")) return { ...base, reason: "spacing" };
  if (a.length === s.length && a.every((w, k) => foldSpellings(w) === foldSpellings(s[k] as string))) {
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

/** { article: "…" } for the words' span, or nothing (no undefined keys: the result is stored as JSON). */
function textOf<K extends "article" | "source">(
  key: K,
  tokens: readonly WordToken[],
  text: string,
): Partial<Record<K, string>> {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return first && last ? ({ [key]: text.slice(first.start, last.end) } as Partial<Record<K, string>>) : {};
}

export function noteFor(d: QuoteDifference): string {
  const pair = `"${d.article ?? ""}" / "${d.source ?? ""}"`;
  switch (d.reason) {
    case "spacing":
      return `word spacing or hyphenation differs: ${pair}`;
    case "spelling":
      return `spelling variant: ${pair}`;
    case "ocr":
      return `minor OCR difference: the source reads "${d.source ?? ""}" for "${d.article ?? ""}"; check the scan`;
    case "narration":
      return `the source interrupts the quotation with narration: "${d.source ?? ""}"`;
    default:
      return `${d.reason}: ${pair}`;
  }
}

/**
 * OCR output shows itself by a digit inside a word ("go6d", "l0ng"; not "2nd" or "G8")
 * or by stray middle dots between words ("long·time", "it's · important").
 */
export function looksLikeOcr(text: string): boolean {
  return /\p{L}\p{N}+\p{L}/u.test(text) || /\p{L}\s?·|·\s?\p{L}/u.test(text);
}

export const sameTypography = (word: string) => normaliseText(word, TYPOGRAPHIC_ONLY);
export const punctuationOf = (text: string) =>
  normaliseText(text, TYPOGRAPHIC_ONLY).replace(/[\p{L}\p{N}\p{M}\s]/gu, "");
