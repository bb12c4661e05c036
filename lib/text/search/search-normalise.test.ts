import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldSpelling, searchForm, searchWords } from "./search-normalise";

const corpus: { id: string; text: string }[] = JSON.parse(
  readFileSync(new URL("../../../prisma/demo/corpus/sources.json", import.meta.url), "utf8"),
).documents;
const source = (id: string) => corpus.find((d) => d.id === id)!.text;

describe("searchForm on the demo corpus", () => {
  it("keeps the OCR memcon's words findable: interpuncts and stray dots become spaces", () => {
    const form = searchForm(source("nsarchive-2008-04-06-sochi-memcon"));
    expect(form).toContain("i believe this is a go6d aea");
    expect(form).toContain("for a long time");
    expect(form).not.toMatch(/[·.,;:"“”’]/);
  });

  it("folds the spellings the news reports disagree on", () => {
    expect(searchForm(source("wion-2025-12-25"))).toContain("does not criticize it");
    expect(searchForm("The West does not criticise it.")).toContain("does not criticize it");
  });
});

describe("searchForm", () => {
  it("folds case, punctuation, OCR interpuncts and typography", () => {
    expect(searchForm("I believe this is a go6d·aea,")).toBe("i believe this is a go6d aea");
    expect(searchForm("“It is no democracy” — yet…")).toBe("it is no democracy yet");
    expect(searchForm("nucle-\nar non\u00ADproliferation")).toBe("nuclear nonproliferation");
    expect(searchForm("Café  ÉLYSÉE")).toBe("cafe elysee");
  });

  it("folds British spellings to American ones, on both sides of a search", () => {
    expect(searchWords("criticise criticised criticising organisation analyse colour honours centre defence")).toEqual([
      "criticize",
      "criticized",
      "criticizing",
      "organization",
      "analyze",
      "color",
      "honors",
      "center",
      "defense",
    ]);
    // The same list as the quote check's: theatre/metre fold too, and so do -lled and -ogue.
    expect(searchWords("theatre metre travelled cancelling catalogue odour")).toEqual([
      "theater",
      "meter",
      "traveled",
      "canceling",
      "catalog",
      "odor",
    ]);
  });

  it("leaves short and unrelated words alone", () => {
    for (const word of [
      "rise",
      "wise",
      "our",
      "four",
      "hour",
      "your",
      "this",
      "crisis",
      "existing",
      "raising",
      "prise",
      "rogue",
      "acre",
      "genre",
      "filled",
    ]) {
      expect(foldSpelling(word)).toBe(word);
    }
  });

  it("is idempotent and never throws on hostile text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        const once = searchForm(text);
        expect(searchForm(once)).toBe(once);
        expect(once).not.toMatch(/^\s|\s$|\s\s/);
      }),
    );
  });
});
