import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldSpelling, searchForm, searchWords } from "./search-normalise";

describe("searchForm", () => {
  it("folds case, punctuation, OCR interpuncts and typography", () => {
    expect(searchForm("I believe this is a go6d·aea,")).toBe("i believe this is a go6d aea");
    expect(searchForm("“It is no democracy” — yet…")).toBe("it is no democracy yet");
    expect(searchForm("nucle-\nar non\u00ADproliferation")).toBe("nuclear nonproliferation");
    expect(searchForm("Café  ÉLYSÉE")).toBe("cafe elysee");
  });

  it("folds British spellings to American ones, on both sides of a search", () => {
    expect(searchWords("criticise criticised criticising organisation analyse colour honours centre defence")).toEqual([
      "criticize", "criticized", "criticizing", "organization", "analyze", "color", "honors", "center", "defense",
    ]);
  });

  it("leaves short and unrelated words alone", () => {
    for (const word of ["rise", "wise", "our", "four", "hour", "your", "this", "metre", "crisis", "existing", "raising"]) {
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
