/**
 * A word-level LCS diff for comparing quotes (the character-level edit distance is in
 * edit-distance.ts, word boundaries in characters.ts).
 *
 * Written here rather than taken from a library because the only text library
 * installed is approx-string-match (substring search, not alignment), and the
 * inputs are small: a quote and the source span it was found in, rarely more
 * than a few hundred words. A plain LCS table is easier to check than Myers'
 * O(ND) algorithm and fast enough at that size; a size cap keeps a
 * pathological input from allocating a huge table.
 */
import { findWords } from "../core/characters";

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

/** Split text into word tokens; punctuation and spaces are not tokens. */
export function tokeniseWords(text: string, keyOf: (word: string) => string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const { text: word, start, end } of findWords(text)) tokens.push({ text: word, start, end, key: keyOf(word) });
  return tokens;
}

/** Diff two token lists by key; `a` is the "from" side, `b` the "to" side. */
export function diffWords(a: readonly WordToken[], b: readonly WordToken[]): DiffOp[] {
  return diffSequences(a, b, (x, y) => x.key === y.key);
}
