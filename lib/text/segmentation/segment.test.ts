import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_PASSAGE_CHARS,
  MAX_PASSAGES,
  type Passage,
  PassageError,
  findPassageForSpan,
  mergePassages,
  segmentDocument,
  splitPassage,
  splitsSurrogatePair,
  validatePassages,
} from "./segment";

type Source = { id: string; text: string };
const corpus = new URL("../../../prisma/demo/corpus/", import.meta.url);
const sources: Source[] = JSON.parse(readFileSync(new URL("sources.json", corpus), "utf8")).documents;
const source = (id: string) => sources.find((s) => s.id === id)!.text;

const slice = (text: string, p: Passage) => text.slice(p.start, p.end);
const label = (text: string, p: Passage) => text.slice(p.labelStart ?? p.start, p.start).trim();

/** The invariants every segmentation must keep, whatever the text. */
function expectWellFormed(text: string, passages: Passage[], max = MAX_PASSAGE_CHARS) {
  expect(validatePassages(text, passages)).toBeNull();
  const covered = new Uint8Array(text.length);
  for (const p of passages) {
    expect(p.end - p.start).toBeLessThanOrEqual(max);
    expect(slice(text, p)).toBe(slice(text, p).trim());
    expect(splitsSurrogatePair(text, p.start) || splitsSurrogatePair(text, p.end)).toBe(false);
    covered.fill(1, p.labelStart ?? p.start, p.end);
  }
  for (let i = 0; i < text.length; i++) {
    if (!covered[i] && /\S/.test(text[i]!)) throw new Error(`uncovered ${JSON.stringify(text[i])} at ${i}`);
  }
}

describe("segmentDocument on the demo corpus", () => {
  it("splits the White House remarks into Putin and Bush turns", () => {
    const text = source("whitehouse-2008-04-06-remarks");
    const passages = segmentDocument(text);
    expect(passages.map((p) => p.speaker)).toEqual([
      null,
      "PRESIDENT PUTIN",
      "PRESIDENT BUSH",
      "PRESIDENT PUTIN",
      "PRESIDENT BUSH",
    ]);
    expect(slice(text, passages[0]!)).toBe("10:10 A.M. (Local)");
    expect(label(text, passages[1]!)).toBe("PRESIDENT PUTIN:");
    // The stage note is the interpreter's, but it belongs to the turn it annotates.
    expect(slice(text, passages[1]!)).toMatch(/^\(As translated\.\) Dear Mr\. President/);
    // A turn of several paragraphs is one passage.
    expect(slice(text, passages[4]!)).toMatch(/^Yes, well.*\(Laughter\.\)\n\nI do want to.*shake hands\.$/s);
    expectWellFormed(text, passages);
  });

  it("cuts the OCR memcon, which has no line breaks, into several readable passages", () => {
    const text = source("nsarchive-2008-04-06-sochi-memcon");
    const passages = segmentDocument(text);
    expect(passages.length).toBeGreaterThanOrEqual(3);
    expect(passages.every((p) => p.speaker === null)).toBe(true);
    expect(passages.every((p) => p.end - p.start >= 300)).toBe(true);
    expect(passages.some((p) => slice(text, p).includes("I believe this is a go6d aea"))).toBe(true);
    expectWellFormed(text, passages);
  });

  it("finds the speaker turns at the end of the WION report and nothing before them", () => {
    const text = source("wion-2025-12-25");
    const passages = segmentDocument(text);
    expect(passages.map((p) => p.speaker)).toEqual([null, null, null, "Putin", "Bush"]);
    expect(slice(text, passages[2]!)).toBe("2005 Transcript:");
  });

  it.each(sources.map((s) => [s.id, s.text] as const))("keeps the invariants on %s", (_, text) => {
    expectWellFormed(text, segmentDocument(text));
  });
});

describe("speaker labels", () => {
  const speakers = (text: string) => segmentDocument(text).map((p) => p.speaker);

  it("reads the label forms transcripts use", () => {
    const text = [
      "THE PRESIDENT: Good morning.",
      "Q Mr. President, will you go?",
      "The President: Yes.",
      "Q: When?",
      "ПУТИН: Спасибо.",
      "M.\u00A0MACRON\u202F: Merci beaucoup.",
      "SECRETARY RICE: Thank you.",
      "Putin: Fine.",
      "MÉLENCHON: Non.",
    ].join("\n\n");
    expect(speakers(text)).toEqual([
      "THE PRESIDENT",
      "Q",
      "The President",
      "Q",
      "ПУТИН",
      "M. MACRON",
      "SECRETARY RICE",
      "Putin",
      "MÉLENCHON",
    ]);
  });

  it("does not take memo headers, times or furniture for speakers", () => {
    const text = [
      "SUBJECT: Meeting with President of Russia",
      "PARTICIPANTS: The President",
      "DATE, TIME AND PLACE: April 6, 2008, 10:00 - 11:00 a.m.",
      "10:10 A.M. (Local)",
      "Note: not verbatim.",
      "Tags:PakistanPutin",
      "BACKGROUND:",
      "He turned to PUTIN: nothing.",
    ].join("\n\n");
    expect(speakers(text).every((s) => s === null)).toBe(true);
  });

  it("ends the last turn at the END line of a transcript", () => {
    const text = "PRESIDENT BUSH: Thank you.\n\nEND 10:25 A.M. (Local)";
    expect(speakers(text)).toEqual(["PRESIDENT BUSH", null]);
  });

  it("lets a caller add stop labels and turn detection off", () => {
    expect(segmentDocument("OBJECTIVE: win.", { extraStopLabels: ["Objective"] })[0]!.speaker).toBeNull();
    expect(segmentDocument("PUTIN: yes.", { detectSpeakers: false })[0]!.speaker).toBeNull();
  });
});

describe("long passages", () => {
  it("splits at sentence ends, not after abbreviations or inside decimals", () => {
    const sentence = "Mr. Smith met Dr. Jones at 10 A.M. in the U.S. capital and paid 9.5 million. ";
    const text = sentence.repeat(40).trim();
    const passages = segmentDocument(text);
    expect(passages.length).toBeGreaterThan(1);
    for (const p of passages) expect(slice(text, p)).toMatch(/^Mr\. Smith.*million\.$/s);
    expectWellFormed(text, passages);
  });

  it("keeps paragraphs apart when they have blank lines, and lines apart when they are long", () => {
    expect(segmentDocument("One.\n\nTwo.\n \nThree.")).toHaveLength(3);
    const long = "word ".repeat(30).trim();
    expect(segmentDocument(`${long}.\n${long}!\n${long}?`)).toHaveLength(3);
    // Short lines without blank lines are hard-wrapped prose: one passage.
    expect(segmentDocument("A short line\nwrapped here\nand here.")).toHaveLength(1);
  });

  it("cuts text without spaces between whole characters", () => {
    const text = "👨‍👩‍👧e\u0301🇺🇸".repeat(400);
    const passages = segmentDocument(text, { maxPassageChars: 100 });
    expect(passages.length).toBeGreaterThan(10);
    expectWellFormed(text, passages, 100);
  });

  it("splits Chinese after its full stops", () => {
    const text = "这是一个句子。".repeat(300);
    const passages = segmentDocument(text);
    for (const p of passages) expect(slice(text, p).endsWith("。")).toBe(true);
  });

  it("refuses a document that needs more than MAX_PASSAGES passages", () => {
    expect(() => segmentDocument("a\n\n".repeat(MAX_PASSAGES + 1))).toThrow(PassageError);
  });
});

describe("mergePassages and splitPassage", () => {
  const text = "PUTIN: One. Two.\n\nBUSH: Three.";
  const passages = segmentDocument(text);

  it("merges a passage with the next, keeping document offsets", () => {
    const merged = mergePassages(passages, 0);
    expect(merged).toEqual([{ ordinal: 0, speaker: "PUTIN", start: 7, end: text.length, labelStart: 0 }]);
    expect(() => mergePassages(passages, 1)).toThrow(PassageError);
  });

  it("splits a passage at an offset and renumbers", () => {
    const split = splitPassage(passages, 0, text.indexOf(" Two"), text);
    expect(split.map((p) => [p.ordinal, p.speaker, slice(text, p), p.labelStart])).toEqual([
      [0, "PUTIN", "One.", 0],
      [1, "PUTIN", "Two.", null],
      [2, "BUSH", "Three.", 18],
    ]);
    expect(findPassageForSpan(split, text.indexOf("Two"), text.indexOf("Two") + 3)?.ordinal).toBe(1);
  });

  it("refuses splits that leave an empty half or cut a character", () => {
    expect(() => splitPassage(passages, 0, passages[0]!.start, text)).toThrow(PassageError);
    expect(() => splitPassage(passages, 0, text.indexOf("One.") + 4, text)).not.toThrow();
    const emoji = "A 😀 B";
    const [only] = segmentDocument(emoji);
    expect(() => splitPassage([only!], 0, 3, emoji)).toThrow(/between two characters/);
    expect(() => splitPassage([only!], 5, 3, emoji)).toThrow(PassageError);
  });
});

// Pieces that break naive segmenters: surrogate pairs, ZWJ sequences, combining marks, RTL,
// curly quotes, abbreviations, label look-alikes and every kind of whitespace.
const hostilePiece = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "👍🏽",
      "👨‍👩‍👧",
      "🇺🇸",
      "e\u0301",
      "مرحبا بالعالم",
      "שלום עולם",
      "\u200F",
      "“quoted,” he said",
      "‘single’",
      "« guillemets »",
      "„low“",
      "\n\nPRESIDENT PUTIN: ",
      "\nQ Why",
      "\nQ: ",
      "\nThe President: ",
      "\nSUBJECT: ",
      "\n10:10 A.M.",
      "Mr. ",
      "U.S. ",
      "9.5",
      ". ",
      "? ",
      "。",
      "\n",
      "\n\n",
      "\n \n",
      " ",
      "\t",
      "\u00A0",
      "\u202F",
      "\r\n",
      "\nEND ",
      "word ",
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
);
const hostileText = fc.array(hostilePiece, { maxLength: 80, size: "large" }).map((parts) => parts.join(""));
const smallLimits = fc.record({
  maxPassageChars: fc.integer({ min: 4, max: 120 }),
  sentenceGroupChars: fc.integer({ min: 2, max: 80 }),
});

describe("properties on hostile text", () => {
  it("passages are ordered, disjoint, inside the text, whole characters, and cover it", () => {
    fc.assert(
      fc.property(hostileText, smallLimits, (text, opts) => {
        expectWellFormed(text, segmentDocument(text, opts), opts.maxPassageChars);
      }),
      { numRuns: 200 },
    );
  });

  it("merging and splitting at the old boundary round-trips", () => {
    fc.assert(
      fc.property(hostileText, smallLimits, fc.nat(), (text, opts, pick) => {
        const passages = segmentDocument(text, { ...opts, detectSpeakers: false });
        if (passages.length < 2) return;
        const k = pick % (passages.length - 1);
        const merged = mergePassages(passages, k);
        expect(merged).toHaveLength(passages.length - 1);
        expect(splitPassage(merged, k, passages[k + 1]!.start, text)).toEqual(passages);
      }),
      { numRuns: 200 },
    );
  });

  it("splitting anywhere then merging gives the passage back", () => {
    fc.assert(
      fc.property(hostileText, fc.nat(), fc.nat(), (text, pick, at) => {
        const passages = segmentDocument(text, { maxPassageChars: 60 });
        if (passages.length === 0) return;
        const k = pick % passages.length;
        const p = passages[k]!;
        const offset = p.start + 1 + (at % Math.max(1, p.end - p.start - 1));
        let split: Passage[];
        try {
          split = splitPassage(passages, k, offset, text);
        } catch (error) {
          expect(error).toBeInstanceOf(PassageError);
          return;
        }
        expectWellFormed(text, split, 60);
        expect(mergePassages(split, k)).toEqual(passages);
      }),
      { numRuns: 200 },
    );
  });
});
