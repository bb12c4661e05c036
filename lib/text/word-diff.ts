/**
 * Small diff algorithms for comparing quotes: a word-level LCS diff and a
 * character-level edit distance.
 *
 * Written here rather than taken from a library because the only text library
 * installed is approx-string-match (substring search, not alignment), and the
 * inputs are small: a quote and the source span it was found in, rarely more
 * than a few hundred words. A plain LCS table is easier to check than Myers'
 * O(ND) algorithm and fast enough at that size; a size cap keeps a
 * pathological input from allocating a huge table.
 */
import approxSearch from "approx-string-match";

export type DiffOp = {
  /** equal: same in both; delete: only in `a`; insert: only in `b`; replace: both differ here. */
  kind: "equal" | "insert" | "delete" | "replace";
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
};

/** Above this many table cells the unmatched middle is reported as one replace. */
const MAX_TABLE_CELLS = 4_000_000;

/**
 * Diff two sequences: ops cover both in order, with adjacent deletions and
 * insertions merged into `replace` so callers see "these words became those".
 */
export function diffSequences<T>(
  a: readonly T[],
  b: readonly T[],
  equals: (x: T, y: T) => boolean = Object.is,
): DiffOp[] {
  // Trimming the common ends first keeps the table to the part that changed.
  let head = 0;
  while (head < a.length && head < b.length && equals(a[head] as T, b[head] as T)) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    equals(a[a.length - 1 - tail] as T, b[b.length - 1 - tail] as T)
  ) {
    tail++;
  }
  const n = a.length - head - tail;
  const m = b.length - head - tail;

  const steps: Array<"equal" | "insert" | "delete"> = [];
  for (let i = 0; i < head; i++) steps.push("equal");
  if ((n + 1) * (m + 1) > MAX_TABLE_CELLS) {
    for (let i = 0; i < n; i++) steps.push("delete");
    for (let j = 0; j < m; j++) steps.push("insert");
  } else {
    // lcs[i][j] = LCS length of a[head+i..] and b[head+j..], filled backwards so
    // the walk below can go forwards.
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * width + j] = equals(a[head + i] as T, b[head + j] as T)
          ? (lcs[(i + 1) * width + j + 1] as number) + 1
          : Math.max(lcs[(i + 1) * width + j] as number, lcs[i * width + j + 1] as number);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && equals(a[head + i] as T, b[head + j] as T)) {
        steps.push("equal");
        i++;
        j++;
      } else if (j >= m || (i < n && (lcs[(i + 1) * width + j] as number) >= (lcs[i * width + j + 1] as number))) {
        steps.push("delete");
        i++;
      } else {
        steps.push("insert");
        j++;
      }
    }
  }
  for (let i = 0; i < tail; i++) steps.push("equal");
  return groupSteps(steps);
}

function groupSteps(steps: Array<"equal" | "insert" | "delete">): DiffOp[] {
  const ops: DiffOp[] = [];
  let ai = 0;
  let bi = 0;
  let k = 0;
  while (k < steps.length) {
    const op: DiffOp = { kind: "equal", aStart: ai, aEnd: ai, bStart: bi, bEnd: bi };
    if (steps[k] === "equal") {
      while (steps[k] === "equal") {
        k++;
        ai++;
        bi++;
      }
    } else {
      while (k < steps.length && steps[k] !== "equal") {
        if (steps[k] === "delete") ai++;
        else bi++;
        k++;
      }
      const deleted = ai > op.aStart;
      const inserted = bi > op.bStart;
      op.kind = deleted && inserted ? "replace" : deleted ? "delete" : "insert";
    }
    op.aEnd = ai;
    op.bEnd = bi;
    ops.push(op);
  }
  return ops;
}

export type WordToken = {
  /** The word as written, offsets in UTF-16 code units into the tokenised text. */
  text: string;
  start: number;
  end: number;
  /** What the word is compared by (normalised by the caller). */
  key: string;
};

// Letters, digits and marks make words; apostrophes join "it's" and "don’t";
// soft hyphens and zero-width characters sit inside words without breaking them.
const WORD = /[\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060]+(?:['’][\p{L}\p{N}\p{M}\u00AD]+)*/gu;

const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Split text into word tokens; punctuation and spaces are not tokens. */
export function tokeniseWords(text: string, keyOf: (word: string) => string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const m of text.matchAll(WORD)) {
    if (!HAS_LETTER_OR_DIGIT.test(m[0])) continue; // a lone joiner or mark is not a word
    const start = m.index;
    tokens.push({ text: m[0], start, end: start + m[0].length, key: keyOf(m[0]) });
  }
  return tokens;
}

/** Diff two token lists by key; `a` is the "from" side, `b` the "to" side. */
export function diffWords(a: readonly WordToken[], b: readonly WordToken[]): DiffOp[] {
  return diffSequences(a, b, (x, y) => x.key === y.key);
}

/**
 * Levenshtein distance in UTF-16 code units, two rows of memory.
 * O(a.length * b.length) time: callers bound the sizes they pass.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = (prev[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(substitution, (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
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
