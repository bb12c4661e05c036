import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findWords } from "./characters";

// The words as the Unicode pattern finds them, whatever the text: what the ASCII path must equal.
const WORD = /[\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060]+(?:['’][\p{L}\p{N}\p{M}\u00AD]+)*/gu;
const byUnicodePattern = (text: string) =>
  [...text.matchAll(WORD)]
    .filter((m) => /[\p{L}\p{N}]/u.test(m[0]))
    .map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));

describe("findWords", () => {
  it("finds words, apostrophes inside them, and not punctuation", () => {
    expect(findWords('It\'s 2008 -- "good idea," he said.').map((w) => w.text)).toEqual([
      "It's",
      "2008",
      "good",
      "idea",
      "he",
      "said",
    ]);
    expect(findWords("don’t stop").map((w) => w.text)).toEqual(["don’t", "stop"]);
    expect(findWords("café\u00ADs")[0]).toEqual({ text: "café\u00ADs", start: 0, end: 6 });
  });

  it("gives ASCII text the same words and offsets as the Unicode pattern", () => {
    const ascii = fc.string({ unit: fc.constantFrom(..."ab Z9'’-.,\n\t\u00e9\u0301\u00ad".split("")), maxLength: 60 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), ascii), (text) => {
        expect(findWords(text)).toEqual(byUnicodePattern(text));
      }),
      { numRuns: 2000 },
    );
  });
});
