/**
 * Character boundaries in UTF-16 text: offsets never split a surrogate pair and never leave a
 * combining mark without the letter it belongs to.
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

function codePointAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? "" : String.fromCodePoint(cp);
}

function stepBack(text: string, i: number): number {
  return i >= 2 && isLow(text.charCodeAt(i - 1)) && isHigh(text.charCodeAt(i - 2)) ? i - 2 : i - 1;
}
