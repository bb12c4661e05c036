/**
 * The one edit distance of lib/text (Levenshtein, in UTF-16 code units), used by the quote
 * check (is a changed word OCR noise?), anchoring (how far is a fuzzy match?) and search
 * highlights (is this OCR-damaged word the query's?).
 */
import approxSearch from "approx-string-match";

/**
 * Levenshtein distance in UTF-16 code units, two rows of memory. With `max`, stops as soon
 * as the distance must exceed it and returns max + 1, which keeps a search over many
 * words cheap. O(a.length × b.length) time: callers bound the sizes they pass.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = (prev[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const d = Math.min(substitution, (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
      cur[j] = d;
      if (d < best) best = d;
    }
    // Every later row is at least this row's smallest value.
    if (best > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  const distance = prev[b.length] as number;
  return distance > max ? max + 1 : distance;
}

/** Above this many cells (length × length) boundedEditDistance estimates instead. */
const MAX_EXACT_DISTANCE_CELLS = 1_000_000;

/**
 * The edit distance, or an upper bound on it when both strings are long, so a
 * caller comparing paragraph-long quotes does not stall: approx-string-match
 * finds the best alignment of `b` inside `a` in O(a.length × b.length / 32), and
 * the characters of `a` left outside it would cost one deletion each.
 * Being an upper bound, it can only make a match look worse, never better.
 */
export function boundedEditDistance(a: string, b: string): number {
  if (a.length * b.length <= MAX_EXACT_DISTANCE_CELLS) return editDistance(a, b);
  const best = approxSearch(a, b, b.length)[0];
  return best ? best.errors + a.length - (best.end - best.start) : Math.max(a.length, b.length);
}
