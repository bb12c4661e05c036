/**
 * Scraped articles arrive as one run-on string: paragraphs glued together with no whitespace
 * ("...two decades ago.Russian President...") and page furniture (bylines, ad markers, share
 * prompts) glued in between. This file splits them again and says what it dropped.
 */

export type FurnitureKind =
  "byline" | "dateline" | "caption" | "ad-marker" | "author-bio" | "read-more" | "promo" | "copyright" | "tags";

export type RemovedText = { kind: FurnitureKind; text: string };
export type GluedParagraphs = { paragraphs: string[]; removed: RemovedText[] };
export type SplitGluedOptions = {
  /** Default true. When false, furniture is still split off but kept as its own paragraph. */
  dropFurniture?: boolean;
};

type Piece = { start: number; end: number; kind: FurnitureKind | null };

// Each pattern must be specific enough to never match a reporter's own sentence.
const FURNITURE: readonly [FurnitureKind, RegExp][] = [
  ["byline", /Written by\s.{1,150}?\d+\s*min(?:ute)?s?\s*read/gu],
  ["byline", /^(?:(?:Written|Edited|Reported|Compiled) by|By)\s+\p{Lu}[^.\n]{0,60}$/gmu],
  ["dateline", /^(?:Updated|Published|First published|Last updated)(?: on)?\s*:[^\n]{0,80}$/gimu],
  [
    "ad-marker",
    /(?:Story|Article) continues below this ad(?:vertisement)?|Continue reading below|ADVERTISEMENT|^Advertisement$/gmu,
  ],
  ["read-more", /(?:\.{3}|…)\s*Read [Mm]ore(?!\s*:)|^Read [Mm]ore$/gmu],
  [
    "promo",
    /Stay updated with the latest[^.©\n]{0,80}?(?:Instagram|Facebook|Twitter|WhatsApp|YouTube|Telegram|Threads|LinkedIn|Google News|\bX\b)/gu,
  ],
  [
    "promo",
    /(?:Click here to (?:follow|join|subscribe)|Follow us on)[^.©\n]{0,60}?(?:Instagram|Facebook|Twitter|WhatsApp|YouTube|Telegram|Threads|LinkedIn|Google News|channel|newsletter)/gu,
  ],
  ["copyright", /©[^©\n]{0,80}?(?:Pvt\.?\s*Ltd\.?|Ltd\.?|Limited|Inc\.?|LLC|All rights reserved\.?)|^©[^\n]{0,80}$/gmu],
  ["tags", /Tags:[^\n]*$/gmu],
];

// "(Photo - Reuters)" ends a caption; news agencies and "Express photo" credits look alike.
const CREDIT =
  /\([^()]{0,80}?\b(?:Photos?|Image|Picture|File|Video|Credit|Representational|Reuters|AP|AFP|PTI|ANI|IANS|Getty(?: Images)?|Bloomberg)\b[^()]{0,80}\)$/u;
// A teaser bio cut short by "... Read More"; longer text is not a bio, so it is kept.
const MAX_BIO_CHARS = 800;

export function splitGluedParagraphs(raw: string, opts: SplitGluedOptions = {}): GluedParagraphs {
  const drop = opts.dropFurniture ?? true;
  const pieces: Piece[] = [];
  for (const line of lines(raw)) pieces.push(...splitLine(raw, line.start, line.end));

  const paragraphs: string[] = [];
  const removed: RemovedText[] = [];
  for (const piece of pieces) {
    const text = raw.slice(piece.start, piece.end).trim();
    if (text === "") continue;
    if (piece.kind && drop) removed.push({ kind: piece.kind, text });
    else paragraphs.push(text);
  }
  return { paragraphs, removed };
}

function* lines(raw: string) {
  let start = 0;
  for (const m of raw.matchAll(/\r?\n|\r/g)) {
    yield { start, end: m.index };
    start = m.index + m[0].length;
  }
  yield { start, end: raw.length };
}

function splitLine(raw: string, start: number, end: number): Piece[] {
  const line = raw.slice(start, end);
  const found: Piece[] = [];
  for (const [kind, re] of FURNITURE) {
    for (const m of line.matchAll(re)) {
      if (m[0].length > 0) found.push({ start: start + m.index, end: start + m.index + m[0].length, kind });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);

  const pieces: Piece[] = [];
  let cursor = start;
  for (const f of found) {
    if (f.start < cursor) continue; // overlaps an earlier match
    const before = splitGlued(raw, cursor, f.start);
    pieces.push(...before);
    const bio = f.kind === "read-more" ? before.at(-1) : undefined;
    const truncated = /\.{3}|…/.test(raw.slice(f.start, f.end));
    if (bio && !bio.kind && truncated && f.start - bio.start <= MAX_BIO_CHARS) {
      bio.kind = "author-bio";
      bio.end = f.end;
    } else {
      pieces.push(f);
    }
    cursor = f.end;
  }
  pieces.push(...splitGlued(raw, cursor, end));
  return pieces;
}

/** Splits at glued sentence ends and tags picture captions. */
function splitGlued(raw: string, start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  let from = start;
  for (let i = start + 1; i < end; i++) {
    if (isGluedBoundary(raw, i)) {
      pieces.push(piece(raw, from, i));
      from = i;
    }
  }
  if (end > from) pieces.push(piece(raw, from, end));
  return pieces;
}

function piece(raw: string, start: number, end: number): Piece {
  return { start, end, kind: CREDIT.test(raw.slice(start, end).trimEnd()) ? "caption" : null };
}

const CLOSERS = "”’\"'»›)]";

/** True when a new paragraph starts at i with no space before it ("ago.Russian", "it.”Bush"). */
function isGluedBoundary(text: string, i: number): boolean {
  if (!/[\p{Lu}“‘«„]/u.test(text[i]!) || /\s/.test(text[i - 1]!)) return false;
  let q = i - 1;
  while (q > 0 && CLOSERS.includes(text[q]!)) q--;
  const closers = text.slice(q + 1, i);
  if (closers.endsWith(")")) return CREDIT.test(text.slice(Math.max(0, i - 200), i));
  if ("?!…".includes(text[q]!)) return true;
  if (text[q] === ".") return !isAbbreviationBefore(text, q);
  // A closing curly quote glued to a capital: prose always puts a space there.
  return closers.includes("”") && !/[\s,;:]/.test(text[q]!);
}

// Abbreviations followed by a capitalised name ("Mr. Bush", "Gen. Petraeus"). "No." is left
// out: before a number the digit rule covers it, and "no." ends sentences too.
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms messrs mme mlle dr prof st jr sr gen gov sen rep lt col capt sgt maj adm cmdr " +
    "mt fig vol pp vs hon rev fr pres amb sec approx ca cf dept"
  ).split(" "),
);

/**
 * True when the "." at `dot` belongs to an abbreviation or initialism ("Mr.", "U.S.", "A.M.",
 * "George W. Bush", "e.g.") rather than ending a sentence.
 */
export function isAbbreviationBefore(text: string, dot: number): boolean {
  let t = dot;
  while (t > 0 && /[\p{L}\p{M}.]/u.test(text[t - 1]!)) t--;
  const token = text.slice(t, dot);
  if (token === "") return false;
  return /^(?:\p{L}\.)*\p{L}$/u.test(token) || ABBREVIATIONS.has(token.toLowerCase());
}

/**
 * True when a sentence ends just before position p, where p is the first whitespace after it.
 * A full stop before a lower-case word or a digit ("etc. and", "No. 5") is not an end.
 */
export function isSentenceEndBefore(text: string, p: number): boolean {
  let q = p - 1;
  while (q > 0 && CLOSERS.includes(text[q]!)) q--;
  const c = text[q];
  if (c === undefined) return false;
  if ("?!…。！？".includes(c)) return true;
  if (c !== ".") return false;
  let n = p;
  while (n < text.length && /\s/.test(text[n]!)) n++;
  if (n < text.length && /[\p{Ll}\d]/u.test(text[n]!)) return false;
  return !isAbbreviationBefore(text, q);
}

export type ArticleHeader = { meta: Record<string, string>; body: string };

// Lower-case keys only, as in seed-article.txt: "Putin: ..." at the top of a transcript is a
// speaker turn, not a header.
const HEADER_LINE = /^([\p{Ll}\d][\p{Ll}\d _-]{0,39}):[^\S\n]*(.*)$/u;

/** Reads `key: value` lines up to the first blank line; keys repeat → the last one wins. */
export function parseArticleHeader(text: string): ArticleHeader {
  const meta: Record<string, string> = {};
  const re = /[^\n]*(?:\n|$)/gy;
  let pos = 0;
  while (pos < text.length) {
    re.lastIndex = pos;
    const line = re.exec(text)![0];
    const content = line.replace(/\r?\n$/, "").replace(/\r$/, "");
    if (content.trim() === "") break;
    const m = HEADER_LINE.exec(content);
    if (!m) return { meta: {}, body: text };
    meta[m[1]!.trim()] = m[2]!.trim();
    pos += line.length;
  }
  if (Object.keys(meta).length === 0) return { meta, body: text };
  return { meta, body: text.slice(pos).replace(/^(?:[^\S\n]*\r?\n)+/, "") };
}
