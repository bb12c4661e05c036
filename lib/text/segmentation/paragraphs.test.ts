import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseArticleHeader, splitGluedParagraphs } from "./paragraphs";

const corpus = new URL("../../../prisma/demo/corpus/", import.meta.url);
const raw = readFileSync(new URL("seed-article.raw.txt", corpus), "utf8");
const article = readFileSync(new URL("seed-article.txt", corpus), "utf8");

describe("splitGluedParagraphs on the scraped seed article", () => {
  const { meta, body } = parseArticleHeader(article);
  const bodyParagraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const result = splitGluedParagraphs(raw);

  it("gives back exactly the paragraphs of the hand-split article", () => {
    expect(bodyParagraphs).toHaveLength(10);
    expect(result.paragraphs).toEqual(bodyParagraphs);
  });

  it("says what it dropped, the photo caption included", () => {
    expect(result.removed.map((r) => r.kind)).toEqual([
      "byline",
      "caption",
      "ad-marker",
      "author-bio",
      "promo",
      "copyright",
      "tags",
    ]);
    expect(result.removed[1]!.text).toBe(meta["photo caption"]);
    expect(result.removed[0]!.text).toBe("Written by Divya ANew Delhi | December 26, 2025 09:12 PM IST 2 min read");
    expect(result.removed[3]!.text).toMatch(/^Divya A reports on travel.*\.\.\. Read More$/s);
  });

  it("keeps the furniture as paragraphs when asked to", () => {
    const kept = splitGluedParagraphs(raw, { dropFurniture: false });
    expect(kept.removed).toEqual([]);
    expect(kept.paragraphs).toHaveLength(17);
    expect(kept.paragraphs).toContain("Story continues below this ad");
  });
});

describe("glued sentence ends", () => {
  const split = (s: string) => splitGluedParagraphs(s).paragraphs;

  it("splits where a sentence end runs into a capital", () => {
    expect(split("Two decades ago.Russian leaders met.")).toEqual(["Two decades ago.", "Russian leaders met."]);
    expect(split("Why?Because.")).toEqual(["Why?", "Because."]);
    expect(split("He said “no.”Bush left.")).toEqual(["He said “no.”", "Bush left."]);
    expect(split("not an enemy”.During talks")).toEqual(["not an enemy”.", "During talks"]);
    expect(split("not an enemy”During talks")).toEqual(["not an enemy”", "During talks"]);
    expect(split("It ended.“We won,” he said.")).toEqual(["It ended.", "“We won,” he said."]);
  });

  it("does not split initialisms, decimals, abbreviations or quotes mid-sentence", () => {
    for (const s of [
      "Made in the U.S.A by hand.",
      "Growth was 9.5 per cent.",
      "Some cases, e.g.Foo, are odd.",
      "Mr.Smith and Dr.Jones met in St.Petersburg.",
      "A.Q.Khan was jailed.",
      "“Think about us,”Putin said.",
      "He visited Pakistan’s capital.",
    ]) {
      expect(split(s)).toEqual([s]);
    }
  });

  it("keeps existing line breaks as paragraph breaks, CRLF included", () => {
    expect(split("One.\r\nTwo.\n\nThree.\rFour.")).toEqual(["One.", "Two.", "Three.", "Four."]);
  });

  it("loses and duplicates no text", () => {
    const nonSpace = (s: string) => s.replace(/\s/g, "").length;
    const piece = fc.oneof(
      fc.constantFrom(
        ".",
        "?",
        "”",
        "“",
        ")",
        "(Photo - Reuters)",
        "Story continues below this ad",
        "... Read More",
        "Read More",
        "© The Indian Express Pvt Ltd",
        "Tags:",
        "Written by A B 2 min read",
        "U.S.",
        "\n",
        " ",
        "Word",
        "word",
        "👍🏽",
        "مرحبا",
        "e\u0301",
      ),
      fc.string({ unit: "grapheme", maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60, size: "large" }), fc.boolean(), (parts, drop) => {
        const text = parts.join("");
        const { paragraphs, removed } = splitGluedParagraphs(text, { dropFurniture: drop });
        const out = [...paragraphs, ...removed.map((r) => r.text)];
        for (const p of out) {
          expect(p).toBe(p.trim());
          expect(p).not.toBe("");
          expect(text).toContain(p);
        }
        expect(out.reduce((n, p) => n + nonSpace(p), 0)).toBe(nonSpace(text));
      }),
      { numRuns: 200 },
    );
  });

  it("splits glued paragraphs of ordinary sentences back apart", () => {
    const word = fc.constantFrom("talks", "nuclear", "leaders", "the", "of", "Pakistan", "concern", "9.5");
    const sentence = fc
      .tuple(
        fc.constantFrom("The", "Putin", "Bush", "During", "Newly"),
        fc.array(word, { maxLength: 8 }),
        fc.constantFrom(".", "?", "!", ".”"),
      )
      .map(([first, rest, end]) => [first, ...rest].join(" ") + end);
    const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(" "));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 8 }), (paras) => {
        expect(splitGluedParagraphs(paras.join("")).paragraphs).toEqual(paras);
      }),
      { numRuns: 200 },
    );
  });
});

describe("parseArticleHeader", () => {
  it("reads the key: value lines of seed-article.txt", () => {
    const { meta, body } = parseArticleHeader(article);
    expect(meta).toMatchObject({
      outlet: "The Indian Express",
      byline: "Divya A",
      dateline: "New Delhi",
      published: "2025-12-26T21:12:00+05:30",
    });
    expect(body.startsWith("Newly declassified documents")).toBe(true);
  });

  it("leaves text without a header alone", () => {
    for (const text of ["Putin: I am concerned.\n\nBush: Yes.", "Just prose.\nkey: value", ""]) {
      expect(parseArticleHeader(text)).toEqual({ meta: {}, body: text });
    }
  });

  it("handles CRLF and a header with no body", () => {
    expect(parseArticleHeader("outlet: X\r\nbyline: Y\r\n\r\nBody.")).toEqual({
      meta: { outlet: "X", byline: "Y" },
      body: "Body.",
    });
    expect(parseArticleHeader("outlet: X")).toEqual({ meta: { outlet: "X" }, body: "" });
  });
});
