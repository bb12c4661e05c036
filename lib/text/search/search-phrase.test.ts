import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance } from "../core/edit-distance";
import {
  contentWords,
  deletionForms,
  ENGLISH_STOP_WORDS,
  phraseSimilarity,
  stopWordTriplesByPlace,
  stopWordNgrams,
  stopWordPhraseQuery,
} from "./search-phrase";
import { searchForm } from "./search-normalise";

// The 2008 Sochi memcon as the archive's OCR reads it (prisma/demo/corpus/sources.json).
const MEMCON = searchForm(
  "We have been preparing for this -meeting and your visit not only for a long·time but quite intensively And this work has been based on proposals from Condi on a strategic -framework for our relations I believe this is a go6d aea Of course certain differences exist between us",
);

describe("stop-word n-grams", () => {
  it("lists every stop word and every run of two and three, each once", () => {
    expect(stopWordNgrams("he and of an a as the zebra of the")).toEqual([
      "he",
      "and",
      "he and",
      "of",
      "and of",
      "he and of",
      "an",
      "of an",
      "and of an",
      "a",
      "an a",
      "of an a",
      "as",
      "a as",
      "an a as",
      "the",
      "as the",
      "a as the",
      "of the",
    ]);
    expect(stopWordNgrams("zebra giraffe")).toEqual([]);
  });

  it("asks the index for the longest n-grams only", () => {
    expect(stopWordPhraseQuery("he and of an a as")).toEqual({
      tsquery: "'he and of' & 'and of an' & 'of an a' & 'an a as'",
      n: 3,
      grams: ["he and of", "and of an", "of an a", "an a as"],
    });
    expect(stopWordPhraseQuery("the zebra of the")).toEqual({ tsquery: "'of the'", n: 2, grams: ["of the"] });
    expect(stopWordPhraseQuery("before")).toEqual({ tsquery: "'before'", n: 1, grams: ["before"] });
    expect(stopWordPhraseQuery("junta nuclear")).toBeNull();
  });

  it("is PostgreSQL's english list: 127 words, none of them content words", () => {
    expect(ENGLISH_STOP_WORDS.size).toBe(127);
    expect(contentWords("it is just a junta with nuclear weapons")).toEqual(["junta", "nuclear", "weapons"]);
    expect(contentWords("he and of an a as")).toEqual([]);
  });

  it("finds in a text every n-gram of any phrase the text holds (property)", () => {
    const word = fc.constantFrom("the", "of", "and", "a", "he", "zebra", "junta", "is", "nuclear");
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.integer({ min: 1, max: 8 }),
        (words, at, length) => {
          const start = at % words.length;
          const phrase = words.slice(start, start + length).join(" ");
          const text = new Set(stopWordNgrams(words.join(" ")));
          for (const gram of stopWordNgrams(phrase)) expect(text.has(gram)).toBe(true);
        },
      ),
    );
  });
});

describe("phrase similarity over OCR noise", () => {
  it("finds 'good idea' in the memcon's 'go6d aea' (3 edits of 9 characters) and 'long time' word for word", () => {
    const ocr = phraseSimilarity("good idea", MEMCON);
    expect(ocr).not.toBeNull();
    expect(ocr!.errors).toBe(3);
    expect(MEMCON.slice(ocr!.start, ocr!.end)).toMatch(/go6d aea/);
    expect(phraseSimilarity("long time", MEMCON)).toMatchObject({ similarity: 1, errors: 0 });
    expect(phraseSimilarity("i believe this is a good idea", MEMCON)!.similarity).toBeGreaterThan(0.85);
  });

  it("does not find an unrelated phrase", () => {
    expect(phraseSimilarity("photosynthesis in chloroplasts", MEMCON)).toBeNull();
    expect(phraseSimilarity("nuclear weapons", MEMCON)).toBeNull();
    expect(phraseSimilarity("good morning", MEMCON)).toBeNull();
  });

  it("is 1 for a phrase the text holds and never below 1 − max error share (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        (phrase, before, after) => {
          const exact = phraseSimilarity(phrase, `${before} ${phrase} ${after}`);
          expect(exact?.similarity).toBe(1);
          const any = phraseSimilarity(phrase, before + after);
          if (any) expect(any.similarity).toBeGreaterThanOrEqual(1 - 1 / 3 - 1e-9);
        },
      ),
    );
  });
});

describe("deletion forms", () => {
  it("meet the library's one-deletion forms of every word one edit away, and of 'aea' two edits from 'idea'", () => {
    const library = (w: string) => deletionForms(w, 1);
    const shares = (query: string, word: string) => library(word).some((f) => deletionForms(query, 2).includes(f));
    expect(shares("good", "go6d")).toBe(true);
    expect(shares("idea", "aea")).toBe(true);
    expect(shares("time", "tlme")).toBe(true);
    expect(deletionForms("good", 1).sort()).toEqual(["god", "good", "goo", "ood"].sort());
  });

  it("finds every library word within one edit (property)", () => {
    const word = fc.string({ unit: fc.constantFrom(..."abcdeo6"), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(word, word, (query, libraryWord) => {
        fc.pre(editDistance(query, libraryWord) <= 1);
        const keys = new Set(deletionForms(query, 1));
        expect(deletionForms(libraryWord, 1).some((f) => keys.has(f))).toBe(true);
      }),
    );
  });
});

describe("stop words damaged by OCR", () => {
  it("reads a word one edit from a stop word as each such stop word, for the runs of three to look up", () => {
    const runs = stopWordTriplesByPlace("of back the ater te or");
    // "back" is nobody's stop word: runs start only at "the" and at "ater".
    expect(runs).toHaveLength(2);
    expect(runs.flat()).toEqual(expect.arrayContaining(["the after the", "after the or"]));
    expect(runs.flat().every((t) => t.startsWith("the after ") || t.startsWith("after "))).toBe(true);
  });

  it("groups the runs a damaged phrase may have held by where they start, intact runs included", () => {
    const places = stopWordTriplesByPlace("bt bljusair te to to the");
    // "bljusair" is nobody's stop word: runs start only at "te" and at "to".
    expect(places).toHaveLength(2);
    expect(places[0]).toEqual(expect.arrayContaining(["the to to", "me to to"]));
    expect(places[1]).toEqual(["to to the"]);
    expect(stopWordTriplesByPlace("of back the ater te or").flat()).toEqual(
      expect.arrayContaining(["the after the", "after the or"]),
    );
    expect(stopWordTriplesByPlace("i believe this is a good idea")).toEqual([["this is a"]]);
    expect(stopWordTriplesByPlace("te te te te", 3).every((p) => p.length <= 3)).toBe(true);
  });
});
