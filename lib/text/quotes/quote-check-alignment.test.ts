import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { compareQuote } from "./quote-check";

const corpus = new URL("../../../prisma/demo/corpus/", import.meta.url);
const { documents } = JSON.parse(readFileSync(new URL("sources.json", corpus), "utf8")) as {
  documents: Array<{ id: string; text: string }>;
};
const source = (id: string) => documents.find((d) => d.id === id)?.text ?? "";
const PUTIN_QUOTE =
  "“I am concerned about Pakistan. It is just a junta with nuclear weapons. It is no democracy, yet the West makes no criticism of it.”";

describe("compareQuote alignment: the word-by-word comparison a person reads", () => {
  it("India TV: the same words, with the narration between the fragments marked and explained", () => {
    const r = compareQuote(PUTIN_QUOTE, source("indiatv-2025-12-26"));
    expect(r.result).toBe("minor_differences");
    expect(r.alignment).toEqual([
      { op: "equal", article: "I am concerned about Pakistan", source: "I am concerned about Pakistan" },
      { op: "delete", source: "Putin said", reason: "narration" },
      {
        op: "equal",
        article: "It is just a junta with nuclear weapons. It is no democracy, yet the West makes no criticism of it",
        source: "It is just a junta with nuclear weapons. It is no democracy, yet the West makes no criticism of it",
      },
    ]);
    expect(r.notes).toContain("punctuation differs");
  });

  it("WION: the changed words side by side, the equal runs around them", () => {
    const r = compareQuote(PUTIN_QUOTE, source("wion-2025-12-25"));
    expect(r.result).toBe("altered");
    expect(r.alignment.map((s) => s.op)).toEqual(["equal", "delete", "equal", "replace", "equal"]);
    expect(r.alignment[1]).toEqual({ op: "delete", source: "he told Bush", reason: "narration" });
    expect(r.alignment[3]).toEqual({
      op: "replace",
      article: "makes no criticism of",
      source: "does not criticize",
      reason: "words",
    });
    expect(r.alignment[4]).toEqual({ op: "equal", article: "it", source: "it" });
  });

  it("puts the editorial insertion where the article has it", () => {
    const r = compareQuote(
      "We (the US) have a complex history with Iran",
      "Bush: We have a complex history with Iran.",
    );
    expect(r.alignment).toEqual([
      { op: "equal", article: "We", source: "We" },
      { op: "insert", article: "(the US)", reason: "editorial" },
      { op: "equal", article: "have a complex history with Iran", source: "have a complex history with Iran" },
    ]);
    // Blanking the insertion out leaves no false typographic note behind.
    expect(r.notes).toEqual(["editorial insertion: (the US) is the article's, not the speaker's"]);
    const atEnd = compareQuote("We have a complex history with him [Khatami]", "We have a complex history with him.");
    expect(atEnd.alignment.at(-1)).toEqual({ op: "insert", article: "[Khatami]", reason: "editorial" });
  });

  it("shows an omission marked by an ellipsis as source words left out", () => {
    const r = compareQuote("I am concerned about Pakistan … It is no democracy", source("indiatv-2025-12-26"));
    expect(r.alignment).toEqual([
      { op: "equal", article: "I am concerned about Pakistan", source: "I am concerned about Pakistan" },
      { op: "delete", source: 'Putin said. "It is just a junta with nuclear weapons', reason: "ellipsis" },
      { op: "equal", article: "It is no democracy", source: "It is no democracy" },
    ]);
  });

  it("marks OCR noise, split words and spelling variants with their reasons", () => {
    const memcon = source("nsarchive-2008-04-06-sochi-memcon");
    expect(compareQuote("I believe this is a good idea", memcon).alignment).toEqual([
      { op: "equal", article: "I believe this is a", source: "I believe this is a" },
      { op: "replace", article: "good idea", source: "go6d aea", reason: "ocr" },
    ]);
    expect(compareQuote("Igor Neverov Note taker", memcon).alignment).toContainEqual({
      op: "replace",
      article: "Neverov",
      source: "Nev erov",
      reason: "spacing",
    });
    expect(compareQuote("yet the West does not criticise it", source("wion-2025-12-25")).alignment).toContainEqual({
      op: "replace",
      article: "criticise",
      source: "criticize",
      reason: "spelling",
    });
  });

  it("a verbatim quote is one equal run; a quote not found is one run of article words", () => {
    expect(compareQuote("“part of the West and not an enemy”", source("wion-2025-12-25")).alignment).toEqual([
      { op: "equal", article: "part of the West and not an enemy", source: "part of the West and not an enemy" },
    ]);
    expect(compareQuote("“Think about us,”", source("whitehouse-2008-04-06-remarks")).alignment).toEqual([
      { op: "insert", article: "Think about us" },
    ]);
  });

  it("is plain JSON: stored and read back, it is the same object", () => {
    for (const doc of documents) {
      for (const quote of [
        PUTIN_QUOTE,
        "We (the US) have a complex history with Iran",
        "I believe this is a good idea",
      ]) {
        const r = compareQuote(quote, doc.text);
        expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
      }
    }
  });
});
