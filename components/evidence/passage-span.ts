// Which words of a passage an editor cites. Offsets count UTF-16 code units into passage.text,
// the unit of DOM ranges and of the evidence API; every span ends on word edges, so a mouse
// selection that grazes a word takes the whole word rather than half of it.

export type Span = { start: number; end: number };

// A word: letters, digits and marks, with inner apostrophes and hyphens ("don't", "long-time").
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-·][\p{L}\p{N}\p{M}]+)*/gu;

export function wordsOf(text: string): Span[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(max, Math.trunc(Number.isFinite(n) ? n : 0)));

/**
 * Widens a span to the words it touches and trims the space around it. A span that holds no
 * word (only spaces or punctuation) stays as it is, trimmed, so punctuation can still be cited.
 */
export function snapToWords(text: string, span: Span): Span {
  let start = clamp(Math.min(span.start, span.end), text.length);
  let end = clamp(Math.max(span.start, span.end), text.length);
  const words = wordsOf(text);
  const first = words.find((w) => w.end > start && w.start < end);
  if (!first) {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    return { start, end };
  }
  const last = [...words].reverse().find((w) => w.start < end && w.end > start)!;
  start = Math.min(start, first.start);
  end = Math.max(end, last.end);
  // Keep punctuation the editor deliberately took (a closing quotation mark), but not spaces.
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Moves one edge of the span by one word, never past the other edge (a span keeps one word). */
export function moveEdge(text: string, span: Span, edge: "start" | "end", direction: -1 | 1): Span {
  const words = wordsOf(text);
  if (words.length === 0) return span;
  if (edge === "start") {
    const starts = words.map((w) => w.start);
    const next = direction < 0 ? [...starts].reverse().find((s) => s < span.start) : starts.find((s) => s > span.start);
    if (next === undefined) return span;
    const lastWordEnd = words.filter((w) => w.start >= next)[0]?.end ?? span.end;
    return next < span.end ? { start: next, end: span.end } : { start: next, end: Math.max(span.end, lastWordEnd) };
  }
  const ends = words.map((w) => w.end);
  const next = direction < 0 ? [...ends].reverse().find((e) => e < span.end) : ends.find((e) => e > span.end);
  if (next === undefined || next <= span.start) return span;
  return { start: span.start, end: next };
}

// Quotation marks and apostrophes come straight or curly; a search for the words finds either.
const FOLD: Record<string, string> = {
  "‘": "'",
  "’": "'",
  "‚": "'",
  "“": '"',
  "”": '"',
  "„": '"',
  "«": '"',
  "»": '"',
  "–": "-",
  "—": "-",
};

function folded(text: string): { text: string; map: number[] } {
  let out = "";
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (out.endsWith(" ")) continue;
      out += " ";
      map.push(i);
      continue;
    }
    const lower = (FOLD[ch] ?? ch).toLowerCase();
    // Case folding that changes a code unit's length (rare) keeps the original, so offsets map 1:1.
    out += lower.length === 1 ? lower : ch;
    map.push(i);
  }
  return { text: out, map };
}

/** Where `words` stand in the passage: exactly, else ignoring case, quotation-mark style and spacing. */
export function findWords(text: string, words: string): Span | null {
  const wanted = words.trim();
  if (!wanted) return null;
  const exact = text.indexOf(wanted);
  if (exact >= 0) return { start: exact, end: exact + wanted.length };
  const hay = folded(text);
  const needle = folded(wanted).text;
  const at = hay.text.indexOf(needle);
  if (at < 0) return null;
  return { start: hay.map[at]!, end: hay.map[at + needle.length - 1]! + 1 };
}

export const isWhole = (text: string, span: Span) => span.start === 0 && span.end === text.length;
