import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { diffSequences, diffWords, tokeniseWords, type DiffOp } from "./word-diff";

const params = { numRuns: 200 };
const lower = (w: string) => w.toLowerCase();

/** Rebuild `b` from `a` by applying the ops: proves they cover both sides in order. */
function apply<T>(a: readonly T[], b: readonly T[], ops: DiffOp[]): T[] {
  const out: T[] = [];
  for (const op of ops) out.push(...(op.kind === "equal" ? a.slice(op.aStart, op.aEnd) : b.slice(op.bStart, op.bEnd)));
  return out;
}

function lcsLength<T>(a: readonly T[], b: readonly T[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] as number);
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

describe("diffWords", () => {
  it("reports the changed words of the WION wording as one replacement", () => {
    const source = tokeniseWords("It is no democracy, yet the West does not criticize it.", lower);
    const article = tokeniseWords("It is no democracy, yet the West makes no criticism of it.", lower);
    const changes = diffWords(source, article).filter((op) => op.kind !== "equal");
    expect(changes).toHaveLength(1);
    const [op] = changes as [DiffOp];
    expect(op.kind).toBe("replace");
    expect(source.slice(op.aStart, op.aEnd).map((t) => t.text)).toEqual(["does", "not", "criticize"]);
    expect(article.slice(op.bStart, op.bEnd).map((t) => t.text)).toEqual(["makes", "no", "criticism", "of"]);
  });

  it("separates insertions from deletions", () => {
    const ops = diffSequences(["a", "b", "c"], ["a", "c", "d"]);
    expect(ops.map((op) => op.kind)).toEqual(["equal", "delete", "equal", "insert"]);
  });
});

describe("tokeniseWords", () => {
  it("keeps apostrophes, digits and marks inside words and records offsets", () => {
    const text = "Don’t say go6d·aea, cafe\u0301 — שָׁלוֹם!";
    const tokens = tokeniseWords(text, lower);
    expect(tokens.map((t) => t.text)).toEqual(["Don’t", "say", "go6d", "aea", "cafe\u0301", "שָׁלוֹם"]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe("word-diff properties", () => {
  const words = fc.array(fc.constantFrom("the", "West", "it", "no", "not", "Putin", "😀", "שלום"), { maxLength: 30 });

  it("ops rebuild the target, and the equal ops are a longest common subsequence", () => {
    fc.assert(
      fc.property(words, words, (a, b) => {
        const ops = diffSequences(a, b);
        expect(apply(a, b, ops)).toEqual(b);
        const equal = ops.filter((op) => op.kind === "equal").reduce((n, op) => n + op.aEnd - op.aStart, 0);
        expect(equal).toBe(lcsLength(a, b));
        for (const op of ops.filter((o) => o.kind === "equal")) {
          expect(a.slice(op.aStart, op.aEnd)).toEqual(b.slice(op.bStart, op.bEnd));
        }
      }),
      params,
    );
  });
});
