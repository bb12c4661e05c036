import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alignWords } from "@/components/evidence/word-alignment";

const ARTICLE =
  "I am concerned about Pakistan. It is just a junta with nuclear weapons. It is no democracy, yet the West makes no criticism of it.";
// The demo corpus: India TV splits the quote with narration; WION words the end differently.
const INDIA_TV =
  'I am concerned about Pakistan," Putin said. "It is just a junta with nuclear weapons. It is no democracy, yet the West makes no criticism of it.';
const WION =
  'I am concerned about Pakistan," he told Bush. "It is just a junta with nuclear weapons. It is no democracy, yet the West does not criticize it.';

describe("alignWords", () => {
  it("shows India TV's narration and punctuation as minor, every word else the same", () => {
    const ops = alignWords(ARTICLE, INDIA_TV, ["Putin said"]);
    const differing = ops.filter((o) => o.op !== "equal");
    expect(differing.every((o) => o.reason === "narration" || o.reason === "punctuation")).toBe(true);
    expect(differing).toContainEqual({ op: "insert", source: "Putin said.", article: undefined, reason: "narration" });
  });

  it("marks WION's changed words as a replacement with no minor reason", () => {
    const ops = alignWords(ARTICLE, WION, ["he told Bush"]);
    const changed = ops.filter((o) => o.op !== "equal" && !o.reason);
    expect(changed).toEqual([{ op: "replace", article: "makes no criticism of", source: "does not criticize" }]);
  });

  it("aligns a quote with itself word for word", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z]{1,8}[.,]?$/), { maxLength: 30 }), (words) => {
        const text = words.join(" ");
        expect(alignWords(text, text).every((o) => o.op === "equal")).toBe(true);
      }),
    );
  });

  it("keeps every word of both sides, in order", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const ops = alignWords(a, b);
        const words = (t: string) => t.split(/\s+/).filter(Boolean);
        expect(ops.flatMap((o) => (o.article ? words(o.article) : []))).toEqual(words(a));
        expect(ops.flatMap((o) => (o.source ? words(o.source) : []))).toEqual(words(b));
      }),
    );
  });
});
