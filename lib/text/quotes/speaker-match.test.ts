import { readFileSync } from "node:fs";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { findSpeakerLabels, guessSpeaker } from "../segmentation/speaker";
import { speakerAliases } from "./speaker-aliases";
import { compareSpeakers } from "./speaker-match";

const corpus = new URL("../../../prisma/demo/corpus/", import.meta.url);
const article = readFileSync(new URL("seed-article.txt", corpus), "utf8");
const { documents } = JSON.parse(readFileSync(new URL("sources.json", corpus), "utf8")) as {
  documents: Array<{ id: string; text: string }>;
};
const source = (id: string) => documents.find((d) => d.id === id)?.text ?? "";

describe("compareSpeakers", () => {
  it("treats the ways of naming Putin as one person", () => {
    const names = [
      "Putin",
      "Vladimir Putin",
      "President Putin",
      "PUTIN:",
      "PRESIDENT PUTIN",
      "Russian President Vladimir Putin",
      "Mr. Putin",
      "V. Putin",
    ];
    for (const a of names) for (const b of names) expect(compareSpeakers(a, b)).toEqual({ same: true, note: null });
  });

  it("says plainly when the article and the passage name different people", () => {
    expect(compareSpeakers("Bush", "Putin")).toEqual({
      same: false,
      note: "The article attributes this to Bush; the source passage is spoken by Putin.",
    });
    expect(compareSpeakers("George W Bush", "PRESIDENT PUTIN:").note).toBe(
      "The article attributes this to George W Bush; the source passage is spoken by President Putin.",
    );
    expect(compareSpeakers("Vladimir Putin", "Vladimir Zhirinovsky").same).toBe(false);
    expect(compareSpeakers("George W Bush", "Laura Bush").same).toBe(false);
  });

  it("uses the article's aliases on both sides", () => {
    const aliases = speakerAliases(article);
    expect(compareSpeakers("the Russian President", "PUTIN", aliases)).toEqual({ same: true, note: null });
    expect(compareSpeakers("the Russian President", "Bush:", aliases).note).toBe(
      "The article attributes this to Vladimir Putin; the source passage is spoken by Bush.",
    );
  });

  it("asks for a check when one side gives only a title, and flags a reporter's question", () => {
    const title = compareSpeakers("Bush", "THE PRESIDENT");
    expect(title.same).toBe(false);
    expect(title.note).toMatch(/gives only a title: check that it is the same person/);
    expect(compareSpeakers("Putin", "Q").note).toBe(
      "The article attributes this to Putin; the source passage is a reporter's question, not Putin's words.",
    );
  });

  it("has nothing to contradict when either side names no one", () => {
    for (const [a, b] of [
      [null, "Putin"],
      ["Putin", null],
      ["", "Bush"],
      ["Bush", " : "],
      [undefined, undefined],
    ] as const) {
      expect(compareSpeakers(a, b)).toEqual({ same: true, note: null });
    }
  });

  it("on the demo corpus: the press remarks' labels, and the article's Bush quote against a Putin passage", () => {
    const labels = findSpeakerLabels(source("whitehouse-2008-04-06-remarks")).map((l) => l.speaker);
    expect(labels).toContain("PRESIDENT PUTIN");
    const quote = "We (the US) have a complex history with Iran";
    const start = article.indexOf(quote);
    const claimSpeaker = guessSpeaker(article, start, start + quote.length, { aliases: speakerAliases(article) });
    expect(claimSpeaker).toBe("Bush");
    expect(compareSpeakers(claimSpeaker, "PRESIDENT BUSH").same).toBe(true);
    expect(compareSpeakers(claimSpeaker, "PRESIDENT PUTIN").note).toBe(
      "The article attributes this to Bush; the source passage is spoken by President Putin.",
    );
    // The WION 2005 transcript labels its speakers "Putin:" and "Bush:".
    const wionLabels = findSpeakerLabels(source("wion-2025-12-25")).map((l) => l.speaker);
    expect(wionLabels).toEqual(expect.arrayContaining(["Putin", "Bush"]));
  });

  it("never throws on hostile names, and is symmetric in whether they are the same", () => {
    const name = fc.oneof(
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.constantFrom("Putin", "PUTIN:", "Bush", "\u0000", "بوتين", "👨‍👩‍👧", "Q"),
    );
    fc.assert(
      fc.property(name, name, (a, b) => {
        const ab = compareSpeakers(a, b);
        expect(ab.same).toBe(compareSpeakers(b, a).same);
        expect(ab.same === (ab.note === null)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
