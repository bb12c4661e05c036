/**
 * Character and word boundaries in UTF-16 text, the one place lib/text decides them:
 * offsets never split a surrogate pair and never leave a combining mark without the letter
 * it belongs to, and a "word" is the same thing to the quote check and to search highlights.
 */
export const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
export const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const MARK = /\p{M}/u;
export const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Move a start offset back so it does not split a surrogate pair or sit on a combining mark. */
export function snapStart(text: string, offset: number): number {
  let s = Math.max(0, Math.min(offset, text.length));
  if (s > 0 && isLow(text.charCodeAt(s)) && isHigh(text.charCodeAt(s - 1))) s--;
  while (s > 0 && MARK.test(codePointAt(text, s))) s = stepBack(text, s);
  return s;
}

/** Move an end offset forward over the rest of a surrogate pair and any combining marks. */
export function snapEnd(text: string, offset: number): number {
  let e = Math.max(0, Math.min(offset, text.length));
  if (e > 0 && e < text.length && isHigh(text.charCodeAt(e - 1)) && isLow(text.charCodeAt(e))) e++;
  while (e < text.length && MARK.test(codePointAt(text, e))) e += codePointAt(text, e).length;
  return e;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** The whole code point at `i` (both halves of a pair), or "" past the end. */
export function codePointAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? "" : String.fromCodePoint(cp);
}

function stepBack(text: string, i: number): number {
  return i >= 2 && isLow(text.charCodeAt(i - 1)) && isHigh(text.charCodeAt(i - 2)) ? i - 2 : i - 1;
}

export type WordSpan = { text: string; start: number; end: number };

// Letters, digits and marks make words; apostrophes join "it's" and "don’t";
// soft hyphens and zero-width characters sit inside words without breaking them.
const WORD = /[\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060]+(?:['’][\p{L}\p{N}\p{M}\u00AD]+)*/gu;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

// The same words in text that is all ASCII (most English text, and every search result's
// highlighting reads twenty passages): no marks, soft hyphens, joiners or curly apostrophes can
// occur, and a pattern without Unicode properties runs twice as fast.
const ASCII_WORD = /[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*/g;
const NOT_ASCII = /[^\x00-\x7f]/;

/** The words of a text as written, offsets in UTF-16 code units; punctuation and spaces are not words. */
export function findWords(text: string): WordSpan[] {
  const words: WordSpan[] = [];
  if (!NOT_ASCII.test(text)) {
    for (const m of text.matchAll(ASCII_WORD)) words.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    return words;
  }
  for (const m of text.matchAll(WORD)) {
    if (!HAS_LETTER_OR_DIGIT.test(m[0])) continue; // a lone joiner or mark is not a word
    words.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return words;
}
