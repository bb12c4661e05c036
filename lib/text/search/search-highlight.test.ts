import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSnippet, matchRanges, roughStem, wordsOf } from "./search-highlight";

const hits = (text: string, query: string, kind: "exact" | "stemmed" | "fuzzy") =>
  matchRanges(text, query, kind).map((r) => text.slice(r.start, r.end));

describe("matchRanges", () => {
  it("marks the whole phrase as it is written, curly quotes and case included", () => {
    expect(
      hits("Bush said: “It Is just a junta with nuclear weapons.”", "a junta with nuclear weapons", "exact"),
    ).toEqual(["a junta with nuclear weapons"]);
  });

  it("marks other forms and spellings of the query's words", () => {
    expect(hits("the West makes no criticism of it, does not criticize it", "criticise", "stemmed")).toEqual([
      "criticism",
      "criticize",
    ]);
  });

  it("marks OCR-damaged words near the query's, but not stop words", () => {
    expect(hits("I believe this is a go6d aea Of course", "I believe this is a good idea", "fuzzy")).toEqual([
      "believe",
      "go6d",
    ]);
  });

  it("returns nothing for an exact search whose phrase is absent", () => {
    expect(hits("a good thing", "good idea", "exact")).toEqual([]);
  });
});

describe("buildSnippet", () => {
  it("centres the snippet on the hits and says what it cut", () => {
    const text = `${"Filler words here. ".repeat(40)}I am concerned about Pakistan. ${"More filler text. ".repeat(40)}`;
    const snippet = buildSnippet(text, "concerned about Pakistan", "exact");
    expect(snippet.truncatedStart).toBe(true);
    expect(snippet.truncatedEnd).toBe(true);
    expect(snippet.segments.filter((s) => s.hit).map((s) => s.text)).toEqual(["concerned about Pakistan"]);
  });

  it("segments always rebuild a slice of the text, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), fc.string({ maxLength: 40 }), (text, query) => {
        const snippet = buildSnippet(text, query, "fuzzy");
        expect(text).toContain(snippet.segments.map((s) => s.text).join(""));
      }),
    );
  });
});

describe("helpers", () => {
  it("stems roughly (the capped edit distance is tested in edit-distance.test.ts)", () => {
    expect(roughStem("criticizing")).toBe(roughStem("criticism"));
  });

  it("finds the same words as the quote check: apostrophes inside, zero-width joiners kept in", () => {
    const text = "Don’t say the leaders’ wo\u200Brd";
    expect(wordsOf(text).map((w) => text.slice(w.start, w.end))).toEqual([
      "Don’t",
      "say",
      "the",
      "leaders",
      "wo\u200Brd",
    ]);
  });
});
