import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findSpeakerLabels, guessSpeaker, trimQuotationMarks } from "./speaker";

const corpus = new URL("../../../prisma/demo/corpus/", import.meta.url);
const article = readFileSync(new URL("seed-article.txt", corpus), "utf8");
const raw = readFileSync(new URL("seed-article.raw.txt", corpus), "utf8");
const sources: { id: string; text: string }[] = JSON.parse(
  readFileSync(new URL("sources.json", corpus), "utf8"),
).documents;

/** Guesses the speaker of the first occurrence of `quote` in `text`. */
function speakerOf(text: string, quote: string, aliases?: Record<string, string>) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in text: ${quote}`);
  return guessSpeaker(text, start, start + quote.length, { aliases });
}

const PAKISTAN =
  "I am concerned about Pakistan. It is just a junta with nuclear weapons. It is no democracy, yet the West makes no criticism of it.";

describe("guessSpeaker on the seed article", () => {
  it("finds the Russian President, and Putin through an alias", () => {
    expect(speakerOf(article, PAKISTAN)).toBe("the Russian President");
    expect(speakerOf(article, `“${PAKISTAN}”`)).toBe("the Russian President");
    expect(speakerOf(article, PAKISTAN, { "Russian President": "Vladimir Putin" })).toBe("Vladimir Putin");
    // A few words from inside the quotation have the same speaker.
    expect(speakerOf(article, "a junta with nuclear weapons")).toBe("the Russian President");
  });

  it("finds Bush for the quote with the paper's insertion, and Putin for “Think about us”", () => {
    expect(speakerOf(article, "We (the US) have a complex history with Iran")).toBe("Bush");
    expect(speakerOf(article, "Think about us,")).toBe("Putin");
  });

  it("says nothing for summary wording and single words set in quotation marks", () => {
    expect(speakerOf(article, "part of the West and not an enemy")).toBeNull();
    expect(speakerOf(article, "nervous")).toBeNull();
  });

  it("works on the raw scraped text too", () => {
    expect(speakerOf(raw, PAKISTAN)).toBe("the Russian President");
    expect(speakerOf(raw, "We (the US) have a complex history with Iran")).toBe("Bush");
  });
});

describe("guessSpeaker on the news reports", () => {
  const text = (id: string) => sources.find((s) => s.id === id)!.text;

  it.each([
    ["wion-2025-12-25", "I am concerned about Pakistan", "Putin"], // “…,” he told Bush → previous subject
    ["wion-2025-12-25", "It is just a junta with nuclear weapons.", "Putin"], // continues the quote before
    ["indiatv-2025-12-26", "I am concerned about Pakistan", "Putin"],
    ["indiatv-2025-12-26", "Should talk about it.", "Putin"],
    ["indiatv-2025-12-26", "Glad to...", "Bush"],
    ["dainikjagran-2025-12", "That makes me nervous", "Putin"],
    ["dainikjagran-2025-12", "It makes us nervous, too.", "Bush"],
    ["muscatchronicle-2025-12", "a junta with nuclear weapons", null],
    ["nsarchive-ebb913-doc2-description", "Rumsfeld just gave away all our secrets.", "Bush"],
    ["nsarchive-ebb913-doc2-description", "I used to be a member of the Communist Party.", null],
  ])("%s: %s → %s", (id, quote, speaker) => {
    expect(speakerOf(text(id), quote)).toBe(speaker);
  });
});

describe("guessSpeaker patterns", () => {
  it.each([
    ["“We will see,” said Putin.", "Putin"],
    ["“We will see,” the spokesman said.", "the spokesman"],
    ["Putin, according to the documents, said, “We will see.”", "Putin"],
    ["During the meeting Bush said, “We will see.”", "Bush"],
    ["Bush also told Putin: “We will see.”", "Bush"],
    ["« Nous verrons », a dit Macron.", null],
    ["He said, “We will see.”", null],
    ["Putin smiled. They said, “We will see.”", null],
    ["Putin smiled. He said, “We will see.”", "Putin"],
    ["Bush agreed, calling it “alarming”.", null],
    ["The transcripts show that Putin told Bush, “We will see.”", "Putin"],
    ["Secretary of State Rice said, “We will see.”", "Secretary of State Rice"],
    ["A senior official said: “We will see.”", "A senior official"],
    ["The transcripts reveal little. He said, “We will see.”", null],
    ["In Sochi, the talks ended. Bush, smiling, replied: “We will see.”", "Bush"],
    // A name after its verb stops at the sentence's end, not at an initial or a title.
    ["“We will see,” said Sheikh Sabah. The Pacific Command said nothing.", "Sheikh Sabah"],
    ["“We will see,” said Sheikh Al-Sabah. The Indo-Pacific Command said nothing.", "Sheikh Al-Sabah"],
    ["“We will see,” said George W. Bush. Later he left.", "George W. Bush"],
    ["“We will see,” said Dr. Rice in Washington.", "Dr. Rice"],
  ])("%s → %s", (text, speaker) => {
    expect(
      speakerOf(text, text.includes("“") ? text.slice(text.indexOf("“") + 1, text.indexOf("”")) : "Nous verrons"),
    ).toBe(speaker);
  });

  it("never throws on hostile text and any offsets", () => {
    const piece = fc.oneof(
      fc.constantFrom(
        "“",
        "”",
        '"',
        "«",
        "»",
        "„",
        "‘",
        "’",
        " said, ",
        " he told Bush. ",
        "Putin",
        ". ",
        "\n\n",
        "👍🏽",
        "שלום",
        "e\u0301",
      ),
      fc.string({ unit: "grapheme", maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40, size: "large" }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join("");
        const start = a % (text.length + 1);
        const end = start + (b % (text.length - start + 1));
        const speaker = guessSpeaker(text, start, end);
        expect(speaker === null || speaker.trim().length > 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("trimQuotationMarks", () => {
  const trim = (text: string) => {
    const { start, end } = trimQuotationMarks(text, 0, text.length);
    return text.slice(start, end);
  };

  it.each([
    ["“Think about us,”", "Think about us,"],
    [' "straight" ', "straight"],
    ["«\u00A0Nous verrons\u202F»", "Nous verrons"],
    ["„Wir werden sehen“", "Wir werden sehen"],
    ["‘single’", "single"],
    ["“‘nested’”", "nested"],
    ["leaders’", "leaders’"],
    ["’tis", "’tis"],
    ["“only an opening", "only an opening"],
    ["“”", ""],
  ])("%j → %j", (text, expected) => {
    expect(trim(text)).toBe(expected);
  });

  it("only ever shrinks the selection, and trimming twice changes nothing", () => {
    const piece = fc.oneof(
      fc.constantFrom("“", "”", '"', "'", "‘", "’", "«", "»", " ", "\u00A0"),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join("");
        const start = a % (text.length + 1);
        const end = start + (b % (text.length - start + 1));
        const once = trimQuotationMarks(text, start, end);
        expect(once.start).toBeGreaterThanOrEqual(start);
        expect(once.end).toBeLessThanOrEqual(end);
        expect(once.start).toBeLessThanOrEqual(once.end);
        expect(trimQuotationMarks(text, once.start, once.end)).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });
});

describe("findSpeakerLabels", () => {
  it("returns label offsets and where the words start", () => {
    const text = "10:10 A.M.\n\nPRESIDENT PUTIN: (As translated.) Hello.\n  Q Why?";
    expect(findSpeakerLabels(text)).toEqual([
      { start: 12, contentStart: 28, speaker: "PRESIDENT PUTIN" },
      { start: 55, contentStart: 56, speaker: "Q" },
    ]);
  });
});
