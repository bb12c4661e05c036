import { readFileSync } from "node:fs";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { normaliseText, TYPOGRAPHIC_ONLY } from "../core/normalise";
import { compareQuote, prepareSource } from "./quote-check";
import { tokeniseWords } from "./word-diff";

const corpus = new URL("../../../prisma/demo/corpus/", import.meta.url);
const article = readFileSync(new URL("seed-article.txt", corpus), "utf8");
const { documents } = JSON.parse(readFileSync(new URL("sources.json", corpus), "utf8")) as {
  documents: Array<{ id: string; text: string }>;
};
const source = (id: string) => documents.find((d) => d.id === id)?.text ?? "";
const indiaTv = source("indiatv-2025-12-26");
const wion = source("wion-2025-12-25");
const memcon = source("nsarchive-2008-04-06-sochi-memcon");

const PUTIN_SENTENCE = "It is no democracy, yet the West makes no criticism of it.";
const PUTIN_QUOTE = `I am concerned about Pakistan. It is just a junta with nuclear weapons. ${PUTIN_SENTENCE}`;
const matched = (text: string, r: { matchStart: number | null; matchEnd: number | null }) =>
  r.matchStart === null ? null : text.slice(r.matchStart, r.matchEnd ?? undefined);

describe("compareQuote on the demo corpus", () => {
  it("the article's Putin sentence is verbatim in India TV", () => {
    expect(article).toContain(PUTIN_SENTENCE);
    const r = compareQuote(PUTIN_SENTENCE, indiaTv);
    expect(r).toMatchObject({ result: "verbatim", similarity: 1, differences: [] });
    expect(matched(indiaTv, r)).toBe(PUTIN_SENTENCE);
  });

  it("the same sentence is altered against WION's wording", () => {
    const r = compareQuote(PUTIN_SENTENCE, wion);
    expect(r.result).toBe("altered");
    expect(r.differences).toEqual([
      { kind: "replace", article: "makes no criticism of", source: "does not criticize", reason: "words" },
    ]);
    expect(matched(wion, r)).toBe("It is no democracy, yet the West does not criticize it");
    expect(r.similarity).toBeGreaterThan(0.75);
    expect(r.similarity).toBeLessThan(1);
  });

  it("the article's whole quote, with its curly quotes, spans India TV's attribution as a minor difference", () => {
    const quoted = `“${PUTIN_QUOTE}”`;
    expect(article).toContain(quoted);
    const r = compareQuote(quoted, indiaTv);
    expect(r.result).toBe("minor_differences");
    expect(r.differences).toEqual([{ kind: "delete", source: "Putin said", reason: "narration" }]);
    expect(r.notes.join("\n")).toMatch(/narration: "Putin said"/);
    expect(matched(indiaTv, r)).toMatch(
      /^I am concerned about Pakistan," Putin said\. "It is just .* criticism of it$/,
    );

    const againstWion = compareQuote(quoted, wion);
    expect(againstWion.result).toBe("altered");
    expect(againstWion.differences.map((d) => d.reason)).toEqual(["narration", "words"]);
  });

  it("reads the memcon's OCR noise as a minor difference and says so", () => {
    const r = compareQuote("I believe this is a good idea", memcon);
    expect(r.result).toBe("minor_differences");
    expect(matched(memcon, r)).toBe("I believe this is a go6d aea");
    expect(r.differences).toEqual([{ kind: "replace", article: "good idea", source: "go6d aea", reason: "ocr" }]);
    expect(r.notes.some((n) => n.includes("minor OCR difference"))).toBe(true);
    // Told the source is clean, the same letters are a change of words.
    expect(compareQuote("I believe this is a good idea", memcon, { sourceIsOcr: false }).result).toBe("altered");
  });

  it("joins words the OCR split, and never reads a changed number as noise", () => {
    const split = compareQuote("Igor Neverov Note taker", memcon);
    expect(split).toMatchObject({
      result: "minor_differences",
      differences: [{ reason: "spacing", source: "Nev erov" }],
    });
    expect(compareQuote("April 7 2008 10 00", memcon).result).toBe("altered");
  });

  it("treats the interpunct and straight apostrophe of the memcon as typography", () => {
    const r = compareQuote("I’d like to welcome you all here. We have been preparing for this meeting", memcon);
    expect(r.result).toBe("minor_differences"); // "-meeting": a stray OCR dash is punctuation
    const plain = compareQuote("not only for a long time but quite intensively", memcon);
    expect(plain).toMatchObject({ result: "verbatim" });
    expect(matched(memcon, plain)).toBe("not only for a long·time but quite intensively");
  });

  it("finds phrases quoted elsewhere verbatim, and none where no source has them", () => {
    expect(compareQuote("part of the West and not an enemy", wion).result).toBe("verbatim");
    expect(compareQuote("That makes me nervous", source("dainikjagran-2025-12")).result).toBe("verbatim");
    expect(compareQuote("part of the West and not an enemy", source("nsarchive-ebb913-doc2-description")).result).toBe(
      "not_found",
    );
    expect(compareQuote("Think about us,", source("whitehouse-2008-04-06-remarks"))).toMatchObject({
      result: "not_found",
      matchStart: null,
      matchEnd: null,
    });
  });

  it("reports the article's (the US) as an editorial insertion", () => {
    const bush = "Bush: We have a complex history with Iran. We will work on it.";
    const r = compareQuote("We (the US) have a complex history with Iran", bush);
    expect(r.result).toBe("minor_differences");
    expect(r.differences[0]).toEqual({ kind: "insert", article: "(the US)", reason: "editorial" });
    expect(r.notes[0]).toMatch(/editorial insertion: \(the US\)/);
    expect(matched(bush, r)).toBe("We have a complex history with Iran");
    // When the source prints the same words, it is simply verbatim.
    expect(
      compareQuote("We (the US) have a complex history with Iran", "“We (the US) have a complex history with Iran”")
        .result,
    ).toBe("verbatim");
  });

  it("accepts spelling variants, case and punctuation as minor", () => {
    const spelling = compareQuote("yet the West does not criticise it", wion);
    expect(spelling).toMatchObject({
      result: "minor_differences",
      differences: [{ kind: "replace", article: "criticise", source: "criticize", reason: "spelling" }],
    });
    const casing = compareQuote("it is no democracy yet the west makes no criticism of it", indiaTv);
    expect(casing.result).toBe("minor_differences");
    expect(casing.notes).toEqual(["letter case or accents differ", "punctuation differs"]);
  });

  it("lets the article's closing punctuation differ, but not words that merely look alike", () => {
    const closing = compareQuote("“I am concerned about Pakistan.”", indiaTv);
    expect(closing).toMatchObject({ result: "verbatim" });
    expect(closing.notes[0]).toMatch(/closing punctuation/);
    expect(matched(indiaTv, closing)).toBe("I am concerned about Pakistan");
    expect(compareQuote("the form was filled in", "the form was filed in").result).toBe("altered");
    expect(compareQuote("the talks were cancelled", "the talks were canceled").result).toBe("minor_differences");
  });

  it("compares many quotes against one prepared source with the same answers", () => {
    const prepared = prepareSource(wion);
    for (const quote of [PUTIN_SENTENCE, "part of the West and not an enemy", "Think about us"]) {
      expect(compareQuote(quote, prepared)).toEqual(compareQuote(quote, wion));
    }
  });

  it("accepts an omission marked by an ellipsis", () => {
    const r = compareQuote("I am concerned about Pakistan … It is no democracy", indiaTv);
    expect(r.result).toBe("minor_differences");
    expect(r.differences[0]).toMatchObject({ kind: "delete", reason: "ellipsis" });
    expect(r.differences[0]?.source).toBe('Putin said. "It is just a junta with nuclear weapons');
  });

  it("gives offsets in UTF-16 code units around emoji and right-to-left text", () => {
    const text = "😀 قال: “We will go.” 👨‍👩‍👧";
    const r = compareQuote("We will go.", text);
    expect(r.result).toBe("verbatim");
    expect(matched(text, r)).toBe("We will go.");
    expect(r.matchStart).toBe(text.indexOf("We"));
  });
});

describe("compareQuote properties", () => {
  const params = { numRuns: 200 };
  const hostileSource = fc
    .array(
      fc.constantFrom(
        "Putin ",
        "said ",
        "the ",
        "West ",
        "“",
        "” ",
        "’s ",
        "— ",
        "\n",
        "go6d aea ",
        "long·time ",
        "cafe\u0301 ",
        "😀 ",
        "👨‍👩‍👧 ",
        "مرحبا بالعالم ",
        "שָׁלוֹם ",
        "nucle-\nar ",
        "(the US) ",
        "2005 ",
        "criticise ",
        ". ",
      ),
      { minLength: 1, maxLength: 40 },
    )
    .map((parts) => parts.join(""));

  it("any run of whole words from a source is verbatim and maps back to the same text", () => {
    const sample = hostileSource.chain((text) => {
      const tokens = tokeniseWords(text, (w) => w);
      if (tokens.length === 0) return fc.constant(null);
      return fc.tuple(fc.nat({ max: tokens.length - 1 }), fc.nat({ max: tokens.length - 1 })).map(([a, b]) => {
        const first = tokens[Math.min(a, b)];
        const last = tokens[Math.max(a, b)];
        return { text, quote: text.slice(first?.start, last?.end) };
      });
    });
    fc.assert(
      fc.property(sample, (s) => {
        if (!s) return;
        const r = compareQuote(s.quote, s.text);
        expect(r.result).toBe("verbatim");
        expect(normaliseText(matched(s.text, r) ?? "", TYPOGRAPHIC_ONLY)).toContain(
          normaliseText(s.quote, TYPOGRAPHIC_ONLY),
        );
      }),
      params,
    );
  });

  it("curly and straight quotation marks never make a difference", () => {
    fc.assert(
      fc.property(fc.constantFrom(...documents), fc.nat(), fc.integer({ min: 20, max: 120 }), (doc, at, length) => {
        const start = at % Math.max(1, doc.text.length - length);
        const slice = doc.text.slice(start, start + length);
        const quote = slice
          .replace(/["“”]/g, (m) => (m === '"' ? "“" : '"'))
          .replace(/['’]/g, (m) => (m === "'" ? "’" : "'"));
        if (!/\p{L}/u.test(quote)) return;
        expect(compareQuote(quote, doc.text).result).toBe("verbatim");
      }),
      params,
    );
  });

  it("OCR-style digit-for-letter noise in the source is a minor OCR difference", () => {
    const sentences = article.split(/(?<=\.)\s+/).filter((s) => s.split(" ").length >= 6 && !/\d/.test(s));
    const swaps: Record<string, string> = { o: "0", l: "1", e: "6", s: "5" };
    fc.assert(
      fc.property(fc.constantFrom(...sentences), fc.nat(), (sentence, at) => {
        // Corrupt one letter that sits between two letters, as OCR does.
        const spots = [...sentence.matchAll(/(?<=\p{L})[oles](?=\p{L})/gu)].map((m) => m.index);
        if (spots.length === 0) return;
        const i = spots[at % spots.length] as number;
        const noisy = `${sentence.slice(0, i)}${swaps[sentence[i] as string]}${sentence.slice(i + 1)}`;
        const r = compareQuote(sentence, `Scan page 2. ${noisy} End of page.`);
        expect(r.result).toBe("minor_differences");
        expect(r.differences.map((d) => d.reason)).toEqual(["ocr"]);
      }),
      params,
    );
  });

  it("offsets stay inside the source and never split a surrogate pair", () => {
    const anyText = fc.string({ unit: "grapheme", maxLength: 30 });
    fc.assert(
      fc.property(anyText, hostileSource, (quote, text) => {
        const r = compareQuote(quote, text);
        if (r.matchStart === null || r.matchEnd === null) return;
        expect(0 <= r.matchStart && r.matchStart <= r.matchEnd && r.matchEnd <= text.length).toBe(true);
        for (const i of [r.matchStart, r.matchEnd]) {
          expect(/[\uDC00-\uDFFF]/.test(text[i] ?? "") && /[\uD800-\uDBFF]/.test(text[i - 1] ?? "")).toBe(false);
        }
      }),
      params,
    );
  });
});
