/**
 * Which words of a passage a search matched, and a short snippet around them, as plain
 * segments a React component renders (never HTML). Works on words of the original text, so
 * every highlight is an exact range of what the reader sees.
 *
 * The database decides whether a passage matches (lib/services/search); this only shows why,
 * so it may be looser than the database: a rough suffix stemmer for stemmed matches and a small
 * edit distance for OCR-noisy words.
 */
import { findWords } from "../core/characters";
import { editDistance } from "../core/edit-distance";
import { foldSpelling, searchForm, searchWords } from "./search-normalise";

export type MatchKind = "exact" | "stemmed" | "fuzzy";
export type Segment = { text: string; hit: boolean };
export type Snippet = { segments: Segment[]; truncatedStart: boolean; truncatedEnd: boolean };
type Word = { start: number; end: number; form: string };

// Too common to be worth highlighting on their own (they still count inside a phrase).
const STOP = new Set(
  "a an and are as at be but by for from had has have he her his i in is it its me my no not of on or our she so than that the their them they this to too us was we were what when which who will with you your".split(
    " ",
  ),
);
const SUFFIXES = [
  "izations",
  "ization",
  "izing",
  "ized",
  "izes",
  "ize",
  "isms",
  "ism",
  "ists",
  "ist",
  "ions",
  "ion",
  "ings",
  "ing",
  "ied",
  "ies",
  "ed",
  "es",
  "ly",
  "s",
];

const PLAIN = /^[a-z0-9]+$/;

export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const word of findWords(text)) {
    // Plain ASCII words (most of them) skip the full normalisation, which is ~50× slower.
    const lower = word.text.toLowerCase();
    const form = PLAIN.test(lower) ? foldSpelling(lower) : searchForm(word.text).replace(/ /g, "");
    if (form) words.push({ start: word.start, end: word.end, form });
  }
  return words;
}

/** A crude English stem, enough to show that "criticism" matched "criticize". */
export function roughStem(word: string): string {
  const w = foldSpelling(word);
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) return w.slice(0, -suffix.length);
  }
  return w;
}

function wordMatches(word: string, query: { form: string; stem: string }, kind: MatchKind): boolean {
  if (word === query.form) return true;
  if (word.length >= query.stem.length && word.startsWith(query.stem) && roughStem(word) === query.stem) return true;
  if (kind !== "fuzzy" || query.form.length < 4) return false;
  const max = query.form.length <= 6 ? 1 : 2;
  return editDistance(word, query.form, max) <= max;
}

// A page of results highlights one query twenty times: its words are worked out once.
let lastQuery: { query: string; words: string[] } | null = null;
function queryWords(query: string): string[] {
  if (lastQuery?.query !== query) lastQuery = { query, words: searchWords(query) };
  return lastQuery.words;
}

/** Ranges [start, end) of the passage text that the query matched, in order, not overlapping. */
export function matchRanges(text: string, query: string, kind: MatchKind): { start: number; end: number }[] {
  const q = queryWords(query);
  if (q.length === 0) return [];
  const words = wordsOf(text);
  const ranges: { start: number; end: number }[] = [];
  // The whole phrase, word for word, wherever it occurs.
  for (let i = 0; i + q.length <= words.length; i++) {
    if (q.every((w, k) => words[i + k]!.form === w)) {
      ranges.push({ start: words[i]!.start, end: words[i + q.length - 1]!.end });
      i += q.length - 1;
    }
  }
  // One word: show its other forms too ("criticise" → "criticism", "criticize").
  if ((ranges.length > 0 && q.length > 1) || kind === "exact") return ranges;
  ranges.length = 0;
  // Stop words alone are noise, unless the query has nothing else.
  const content = q.filter((w) => !STOP.has(w));
  const wanted = (content.length > 0 ? content : q).map((form) => ({ form, stem: roughStem(form) }));
  for (const w of words) {
    if (wanted.some((qw) => wordMatches(w.form, qw, kind))) ranges.push({ start: w.start, end: w.end });
  }
  return ranges;
}

/** Splits text into segments, marking the ranges as hits. */
export function segmentsOf(
  text: string,
  ranges: { start: number; end: number }[],
  from = 0,
  to = text.length,
): Segment[] {
  const segments: Segment[] = [];
  let cursor = from;
  for (const r of ranges) {
    const s = Math.max(r.start, from);
    const e = Math.min(r.end, to);
    if (e <= s || s < cursor) continue;
    if (s > cursor) segments.push({ text: text.slice(cursor, s), hit: false });
    segments.push({ text: text.slice(s, e), hit: true });
    cursor = e;
  }
  if (cursor < to) segments.push({ text: text.slice(cursor, to), hit: false });
  return segments;
}

/** About `size` characters around the first hit, cut at spaces, with its hits marked. */
export function buildSnippet(text: string, query: string, kind: MatchKind, size = 260): Snippet {
  const ranges = matchRanges(text, query, kind);
  if (text.length <= size) return { segments: segmentsOf(text, ranges), truncatedStart: false, truncatedEnd: false };
  const first = densestStart(ranges, size);
  let from = Math.max(0, first - Math.floor(size / 4));
  let to = Math.min(text.length, from + size);
  from = Math.max(0, Math.min(from, to - size));
  if (from > 0) from = nextSpace(text, from);
  if (to < text.length) to = previousSpace(text, to);
  return { segments: segmentsOf(text, ranges, from, to), truncatedStart: from > 0, truncatedEnd: to < text.length };
}

/** Where the window of `size` characters holding the most hits starts. */
function densestStart(ranges: { start: number; end: number }[], size: number): number {
  let best = ranges[0]?.start ?? 0;
  let bestCount = 0;
  for (const [i, r] of ranges.entries()) {
    let count = 0;
    for (let j = i; j < ranges.length && ranges[j]!.end - r.start <= size * 0.75; j++) count++;
    if (count > bestCount) {
      best = r.start;
      bestCount = count;
    }
  }
  return best;
}

function nextSpace(text: string, i: number): number {
  const j = text.slice(i, i + 40).search(/\s/);
  return j < 0 ? i : i + j + 1;
}

function previousSpace(text: string, i: number): number {
  const j = text.slice(Math.max(0, i - 40), i).search(/\s\S*$/);
  return j < 0 ? i : Math.max(0, i - 40) + j;
}
