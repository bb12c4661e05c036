import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findWords, isWhole, moveEdge, snapToWords, wordsOf } from "@/components/evidence/passage-span";

// India TV's text of the 2001 exchange, as in the demo corpus.
const INDIA_TV =
  '"I am concerned about Pakistan," Putin said. "It is just a junta with nuclear weapons. It is no democracy, yet the West makes no criticism of it. Should talk about it."';
const at = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

describe("snapToWords", () => {
  it("widens a selection that grazes words to the whole words", () => {
    const s = at(INDIA_TV, "junta");
    expect(INDIA_TV.slice(...Object.values(snapToWords(INDIA_TV, { start: s.start + 2, end: s.end + 6 })))).toBe(
      "junta with",
    );
  });

  it("trims spaces but keeps punctuation the editor took", () => {
    const s = at(INDIA_TV, " It is no democracy, ");
    const snapped = snapToWords(INDIA_TV, s);
    expect(INDIA_TV.slice(snapped.start, snapped.end)).toBe("It is no democracy,");
  });

  it("takes a backwards selection the same as a forwards one", () => {
    const s = at(INDIA_TV, "nuclear weapons");
    expect(snapToWords(INDIA_TV, { start: s.end, end: s.start })).toEqual(s);
  });

  it("never splits an emoji or a combining mark (UTF-16 offsets)", () => {
    const text = "Café 👋🏽 wave noe\u0308l";
    const snapped = snapToWords(text, { start: 2, end: text.indexOf("noe") + 4 });
    expect(text.slice(snapped.start, snapped.end)).toBe("Café 👋🏽 wave noe\u0308l");
  });

  it("always returns a span inside the text, start ≤ end, on hostile input", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }),
        fc.integer({ min: -5, max: 400 }),
        fc.integer({ min: -5, max: 400 }),
        (text, a, b) => {
          const s = snapToWords(text, { start: a, end: b });
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(s.start).toBeLessThanOrEqual(s.end);
          // A span that starts in a word starts at that word's start.
          for (const w of wordsOf(text)) expect(s.start > w.start && s.start < w.end).toBe(false);
        },
      ),
    );
  });
});

describe("moveEdge", () => {
  it("moves the start and the end one word at a time", () => {
    const s = at(INDIA_TV, "junta with");
    const earlier = moveEdge(INDIA_TV, s, "start", -1);
    expect(INDIA_TV.slice(earlier.start, earlier.end)).toBe("a junta with");
    const longer = moveEdge(INDIA_TV, s, "end", 1);
    expect(INDIA_TV.slice(longer.start, longer.end)).toBe("junta with nuclear");
    const shorter = moveEdge(INDIA_TV, s, "end", -1);
    expect(INDIA_TV.slice(shorter.start, shorter.end)).toBe("junta");
  });

  it("keeps at least one word", () => {
    const s = at(INDIA_TV, "junta");
    expect(moveEdge(INDIA_TV, s, "end", -1)).toEqual(s);
    const later = moveEdge(INDIA_TV, s, "start", 1);
    expect(INDIA_TV.slice(later.start, later.end)).toBe("with");
  });
});

describe("findWords", () => {
  it("finds the words exactly", () => {
    expect(findWords(INDIA_TV, "makes no criticism of it")).toEqual(at(INDIA_TV, "makes no criticism of it"));
  });

  it("finds them whatever the case, quotation-mark style or spacing", () => {
    const found = findWords(INDIA_TV, "“i am  concerned about pakistan,”")!;
    expect(INDIA_TV.slice(found.start, found.end)).toBe('"I am concerned about Pakistan,"');
  });

  it("says null when the words are not there", () => {
    expect(findWords(INDIA_TV, "does not criticize it")).toBeNull();
    expect(findWords(INDIA_TV, "   ")).toBeNull();
  });

  it("maps back onto the original text for any text and any slice of it", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        const found = findWords(text, text.slice(start, end));
        if (!text.slice(start, end).trim()) return;
        expect(found).not.toBeNull();
        expect(found!.end).toBeLessThanOrEqual(text.length);
      }),
    );
  });
});

it("isWhole says whether a span is the whole passage", () => {
  expect(isWhole("abc", { start: 0, end: 3 })).toBe(true);
  expect(isWhole("abc", { start: 0, end: 2 })).toBe(false);
});
