/**
 * Text normalisation for matching, with an exact map back to the original.
 *
 * Matching (passage search, quote checks) happens on normalised text, but every
 * answer has to point at the original: evidence spans and claim selectors store
 * offsets into the text as written. So normalisation walks the original one
 * code point plus its combining marks at a time and records, for every output
 * character, where in the original it came from. Offsets are UTF-16 code units,
 * like JavaScript strings, DOM Ranges and the selectors in anchoring.ts.
 *
 * Rules (all levels):
 * - compatibility folding (NFKC) per character: "ﬁ" → "fi", "…" → "...", full-width → ASCII;
 * - curly, low and angled quotes → ' or " (’‘‚‛‹›ʼ → ', “”„‟«» → ");
 * - dashes and minus (‐ ‑ ‒ – — ― − …) → "-", and so does a run of ASCII hyphens: "--" is
 *   the typewriter's em dash (White House transcripts: "dance -- dance the dance");
 * - whitespace runs of any kind (NBSP, line breaks, thin spaces) → one space, trimmed at both ends;
 * - middle dot "·" and hyphenation point "‧" → a space. Chosen over "-" because in our
 *   material it is an interpunct: OCR prints it for a speck or gap between words
 *   ("long·time", "it's · important"), so as a space it splits words the way the
 *   reader does and then collapses into the neighbouring spaces. Catalan "l·l" loses it.
 * - soft hyphens, zero-width characters and bidi controls are removed (invisible);
 * - a hyphen at a line break between letters is joined: "nucle-\nar" → "nuclear".
 *   A real compound broken at a line end ("well-\nknown") is joined too; that is the
 *   usual trade-off of dehyphenation and only costs a little similarity.
 * Optional levels: case folding, stripping diacritics, dropping punctuation.
 */

import { codePointAt } from "./characters";

export type NormaliseOptions = {
  /** Fold case ("Pakistan" = "pakistan"). Default true. */
  foldCase?: boolean;
  /**
   * Strip combining marks ("café" = "cafe") for Latin, Greek and Cyrillic letters and
   * the optional vowel points of Hebrew and Arabic. Default true. Marks of Indic and
   * other scripts are vowels, not accents, and are always kept.
   */
  stripMarks?: boolean;
  /** Treat punctuation and symbols as spaces, for OCR-tolerant search. Default false. */
  dropPunctuation?: boolean;
};

/** Only typographic variation: what "verbatim" ignores in a quote check. */
export const TYPOGRAPHIC_ONLY: NormaliseOptions = { foldCase: false, stripMarks: false };

export type Normalised = {
  text: string;
  /**
   * map[i] is the offset in the original of normalised character i; map has one
   * extra entry, map[text.length] = original length. Never decreases.
   */
  map: number[];
  /** ends[i] is the offset just past the original characters normalised character i came from. */
  ends: number[];
};

type Sink = (ch: string, start: number, end: number) => void;

const SINGLE_QUOTES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2039, 0x203a, 0x02bc]);
const DOUBLE_QUOTES = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x00ab, 0x00bb, 0x2e42]);
const DASHES = new Set([
  0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2043, 0xfe58, 0xfe63, 0xff0d, 0x2e3a, 0x2e3b,
]);
const IGNORABLE = new Set([
  0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x200e, 0x200f, 0x061c, 0x180e, 0x202a, 0x202b, 0x202c, 0x202d,
  0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
]);
const LINE_BREAKS = new Set([0x0a, 0x0d, 0x0085, 0x2028, 0x2029]);
const HYPHENS = new Set([0x2d, 0x2010, 0x00ad]);

const MARK_FIRST = /^\p{M}/u;
const MARKS = /\p{M}/gu;
const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
const PUNCT_OR_SYMBOL = /^[\p{P}\p{S}]/u;
const PUNCT_WITH_MARKS = /[\p{P}\p{S}]\p{M}*/gu;
const STRIPPABLE_BASE = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Hebrew}\p{Script=Arabic}]/u;

/**
 * A combining mark, or a character that becomes one under NFKC (half-width
 * katakana sound marks): both belong to the character before them, or a second
 * normalisation pass would attach them and give a different answer.
 */
function isCombining(ch: string): boolean {
  if (ch.charCodeAt(0) < 0x300) return false;
  return MARK_FIRST.test(ch) || MARK_FIRST.test(ch.normalize("NFKD"));
}

function isSpace(c: number): boolean {
  return (
    c <= 0x20 ||
    c === 0x7f ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0xb7 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2027 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

const isDash = (c: number) => c === 0x2d || DASHES.has(c);

/** The one-character rules; returns the replacement, "" to drop, " " for a space, or null. */
function mapSimple(c: number, dropPunctuation: boolean): string | null {
  if (isSpace(c)) return " ";
  if (IGNORABLE.has(c)) return "";
  if (SINGLE_QUOTES.has(c)) return dropPunctuation ? " " : "'";
  if (DOUBLE_QUOTES.has(c)) return dropPunctuation ? " " : '"';
  if (DASHES.has(c)) return dropPunctuation ? " " : "-";
  return null;
}

/** Length of a hyphenation break starting at i ("-", spaces, one line break, spaces), or 0. */
function hyphenationBreak(text: string, i: number): number {
  if (!HYPHENS.has(text.charCodeAt(i)) || i === 0 || !LETTER.test(text[i - 1] as string)) return 0;
  let j = i + 1;
  while (text[j] === " " || text[j] === "\t") j++;
  if (!LINE_BREAKS.has(text.charCodeAt(j))) return 0;
  j += text[j] === "\r" && text[j + 1] === "\n" ? 2 : 1;
  while (text[j] === " " || text[j] === "\t") j++;
  const next = text.codePointAt(j);
  return next !== undefined && LOWER.test(String.fromCodePoint(next)) ? j - i : 0;
}

function foldCluster(cluster: string, foldCase: boolean, stripMarks: boolean): string {
  let s = [...cluster]
    .filter((ch) => !IGNORABLE.has(ch.charCodeAt(0)))
    .join("")
    .normalize("NFKD");
  // Marks with no letter under them are stray, e.g. from a spacing accent "¨",
  // which NFKD makes a space and a mark.
  const stray = /^[\s\p{M}]/u.test(s);
  // Lower, upper, lower folds more than lower alone: "ẞ" → "ß" → "SS" → "ss", final "ς" → "σ".
  if (foldCase) s = s.toLowerCase().toUpperCase().toLowerCase().normalize("NFKD");
  // The letters decide, after NFKD and folding, so "𝐀", "℀" and "ŉ" count as Latin.
  if (stripMarks && (stray || STRIPPABLE_BASE.test(s))) s = s.replace(MARKS, "");
  return s.normalize("NFC");
}

function walk(text: string, options: NormaliseOptions, sink: Sink): void {
  const foldCase = options.foldCase ?? true;
  const stripMarks = options.stripMarks ?? true;
  const dropPunctuation = options.dropPunctuation ?? false;
  let pendingStart = -1;
  let pendingEnd = -1;
  let emitted = false;

  const write = (out: string, start: number, end: number) => {
    // A space is written only once something follows it, which trims both ends.
    if (pendingStart >= 0 && emitted) sink(" ", pendingStart, pendingEnd);
    pendingStart = -1;
    emitted = true;
    sink(out, start, end);
  };
  const emit = (ch: string, start: number, end: number) => {
    const mapped = ch.length === 1 ? mapSimple(ch.charCodeAt(0), dropPunctuation) : null;
    const out = mapped ?? (dropPunctuation && PUNCT_OR_SYMBOL.test(ch) ? " " : ch);
    if (out === "") return;
    if (out !== " ") return write(out, start, end);
    if (pendingStart < 0) pendingStart = start;
    pendingEnd = end;
  };

  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const joined = HYPHENS.has(c) ? hyphenationBreak(text, i) : 0;
    if (joined > 0) {
      i += joined;
      continue;
    }
    // A run of dashes of any kind is one dash ("--" is the typewriter's em dash; "—–" is a slip),
    // so normalising is idempotent: two dashes never come out as "--" to be folded again.
    if (isDash(c) && isDash(text.charCodeAt(i + 1))) {
      let j = i + 2;
      while (isDash(text.charCodeAt(j))) j++;
      emit("-", i, j);
      i = j;
      continue;
    }
    // Fast path: ASCII followed by nothing that could combine with it (marks start at
    // U+0300; a soft hyphen can hide a mark behind it).
    const next = text.charCodeAt(i + 1);
    if (c < 0x80 && !(next >= 0x300 || next === 0xad)) {
      const upper = c >= 0x41 && c <= 0x5a;
      if (upper || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
        write(foldCase && upper ? String.fromCharCode(c + 32) : (text[i] as string), i, i + 1);
      } else {
        emit(text[i] as string, i, i + 1);
      }
      i++;
      continue;
    }
    if (mapSimple(c, dropPunctuation) !== null) {
      emit(text[i] as string, i, i + 1);
      i++;
      continue;
    }
    // One code point (surrogate pairs stay whole) plus the combining marks on it,
    // including marks behind an invisible character, which would otherwise be stray.
    let end = i + ((text.codePointAt(i) as number) > 0xffff ? 2 : 1);
    for (let k = end; k < text.length;) {
      const next = codePointAt(text, k);
      if (IGNORABLE.has(next.charCodeAt(0))) {
        k++;
        continue;
      }
      if (!isCombining(next)) break;
      k += next.length;
      end = k;
    }
    let folded = foldCluster(text.slice(i, end), foldCase, stripMarks);
    // Punctuation dropped as a space takes its marks with it.
    if (dropPunctuation) folded = folded.replace(PUNCT_WITH_MARKS, " ");
    for (const ch of folded) emit(ch, i, end);
    i = end;
  }
}

/** Normalise for matching and keep the map back to original offsets. */
export function normaliseForMatch(text: string, options: NormaliseOptions = {}): Normalised {
  const chars: string[] = [];
  const map: number[] = [];
  const ends: number[] = [];
  walk(text, options, (ch, start, end) => {
    // A folded cluster can yield an astral character: give both of its code units the same origin.
    for (let k = 0; k < ch.length; k++) {
      chars.push(ch[k] as string);
      map.push(start);
      ends.push(end);
    }
  });
  map.push(text.length);
  return { text: chars.join(""), map, ends };
}

/** The same rules without the map, for comparing strings. */
export function normaliseText(text: string, options: NormaliseOptions = {}): string {
  const chars: string[] = [];
  walk(text, options, (ch) => chars.push(ch));
  return chars.join("");
}

/**
 * For searching noisy text (OCR, transcripts): everything normaliseForMatch does,
 * and punctuation and symbols become spaces, so "go6d·aea," and "go6d aea" agree
 * and stray OCR dots do not count as errors.
 */
export function normaliseForSearch(text: string): Normalised {
  return normaliseForMatch(text, { dropPunctuation: true });
}

/**
 * Map a range [start, end) of normalised text back to the original. The result
 * covers whole original characters (a surrogate pair, a letter with its marks,
 * a collapsed whitespace run) and leaves out removed characters at its edges.
 */
export function toOriginalRange(normalised: Normalised, start: number, end: number): { start: number; end: number } {
  const { map, ends, text } = normalised;
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const origStart = map[s] as number;
  return { start: origStart, end: e > s ? (ends[e - 1] as number) : origStart };
}
