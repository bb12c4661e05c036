import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseArticleHeader } from "../segmentation/paragraphs";
import { findQuotations, speakerOfWords } from "./quotations";

const corpus = new URL("../../../prisma/demo/corpus/", import.meta.url);
// The demo article's body as the editor holds it: one "\n" between paragraphs.
const article = parseArticleHeader(readFileSync(new URL("seed-article.txt", corpus), "utf8"))
  .body.split(/\n\s*\n/)
  .join("\n");
const sources: { id: string; text: string }[] = JSON.parse(
  readFileSync(new URL("sources.json", corpus), "utf8"),
).documents;

const found = (text: string) =>
  findQuotations(text).map((q) => ({
    exact: q.exact,
    speaker: q.speaker,
    scare: q.scare,
    parent: q.parent,
    continues: q.continues,
  }));

describe("findQuotations on the demo article", () => {
  it("finds its five quotations, with the speakers the article gives them", () => {
    expect(found(article)).toEqual([
      {
        exact: "We (the US) have a complex history with Iran",
        speaker: "George W Bush",
        scare: false,
        parent: null,
        continues: null,
      },
      {
        exact:
          "I am concerned about Pakistan. It is just a junta with nuclear weapons. It is no democracy, yet the West makes no criticism of it.",
        speaker: "Vladimir Putin",
        scare: false,
        parent: null,
        continues: null,
      },
      // Reported speech: the article has Bush say it, whoever wrote the words (see corpus README).
      {
        exact: "part of the West and not an enemy",
        speaker: "George W Bush",
        scare: false,
        parent: null,
        continues: null,
      },
      // One word, but a partial quote of what Bush said ("saying it made the US “nervous”").
      { exact: "nervous", speaker: "George W Bush", scare: false, parent: null, continues: null },
      // The comma inside the marks is the article's, not Putin's.
      { exact: "Think about us", speaker: "Vladimir Putin", scare: false, parent: null, continues: null },
    ]);
  });

  it("gives offsets into the text that hold exactly the words, with the marks just outside", () => {
    for (const q of findQuotations(article)) {
      expect(article.slice(q.start, q.end)).toBe(q.exact);
      expect('“"'.includes(article[q.open]!)).toBe(true);
      expect('”"'.includes(article[q.close - 1]!)).toBe(true);
    }
  });

  it("never takes the article's apostrophes (Pakistan’s, Putin’s) for quotation marks", () => {
    expect(findQuotations(article).every((q) => !q.exact.startsWith("s "))).toBe(true);
    expect(findQuotations("Pakistan’s nuclear programme and the leaders’ talks, Putin’s characterisation")).toEqual([]);
  });
});

describe("findQuotations conventions", () => {
  it("splits a quotation interrupted by narration into two fragments, the second continuing the first", () => {
    expect(found("“We will see,” Putin said. “The West is not our enemy.”")).toEqual([
      { exact: "We will see", speaker: "Putin", scare: false, parent: null, continues: null },
      { exact: "The West is not our enemy.", speaker: "Putin", scare: false, parent: null, continues: 0 },
    ]);
    expect(found('"It is late," he told Bush, "and we are tired."').map((q) => q.continues)).toEqual([null, 0]);
  });

  it("does not join quotations of two different speakers", () => {
    const q = found("Bush said, “We will see,” and Putin replied, “We shall.”");
    expect(q.map((x) => x.speaker)).toEqual(["Bush", "Putin"]);
    expect(q[1]!.continues).toBeNull();
  });

  it("reads single quotes nested in double ones, and British single quotes with double ones inside", () => {
    expect(found("She said: \"I don't think 'reform' is the word.\"")).toEqual([
      { exact: "I don't think 'reform' is the word.", speaker: null, scare: false, parent: null, continues: null },
      { exact: "reform", speaker: null, scare: true, parent: 0, continues: null },
    ]);
    expect(found("Putin smiled. ‘He called it “a disgrace”,’ the minister said.")).toEqual([
      { exact: "He called it “a disgrace”", speaker: "the minister", scare: false, parent: null, continues: null },
      { exact: "a disgrace", speaker: null, scare: false, parent: 0, continues: null },
    ]);
    expect(found("Bush said, ‘We will see.’")[0]).toMatchObject({ exact: "We will see.", speaker: "Bush" });
  });

  it("keeps apostrophes, plural possessives and elided years out of the marks", () => {
    expect(found("‘The leaders’ summit failed,’ he said.").map((q) => q.exact)).toEqual(["The leaders’ summit failed"]);
    expect(found("Don’t, it’s, rock’n’roll, the ’90s, the leaders’ talks, Jones' car.")).toEqual([]);
    expect(found("It's \"fine\", said the boss's aide.").map((q) => q.exact)).toEqual(["fine"]);
  });

  it("flags a one-word quotation nobody says as a scare quote", () => {
    expect(found("Critics dismissed the so-called “reform” as cosmetic.")).toEqual([
      { exact: "reform", speaker: null, scare: true, parent: null, continues: null },
    ]);
    expect(found("Putin said, “Yes.”")[0]).toMatchObject({ exact: "Yes.", speaker: "Putin", scare: false });
  });

  it("reads straight and curly marks, and skips unbalanced ones without throwing", () => {
    expect(found('He said "yes" and “no”.').map((q) => q.exact)).toEqual(["yes", "no"]);
    expect(found("An opening “ that never closes. Then “a real one”.").map((q) => q.exact)).toEqual(["a real one"]);
    expect(found("A closing ” alone, and ” another.")).toEqual([]);
    expect(found('“ ”  "" ‘’')).toEqual([]);
  });

  it("runs a long quotation on over paragraphs when the next one reopens it", () => {
    const text = "“First paragraph of a long quote.\n“Second paragraph,” he said.";
    expect(found(text).map((q) => [q.exact, q.continues])).toEqual([
      ["First paragraph of a long quote.", null],
      ["Second paragraph", 0],
    ]);
  });

  it("finds the quotations of the news reports in the corpus, with their speakers", () => {
    const wion = findQuotations(sources.find((s) => s.id === "wion-2025-12-25")!.text);
    const concerned = wion.find((q) => q.exact.startsWith("I am concerned about Pakistan"));
    expect(concerned?.speaker).toMatch(/Putin/);
    for (const doc of sources) {
      for (const q of findQuotations(doc.text)) expect(doc.text.slice(q.start, q.end)).toBe(q.exact);
    }
  });
});

describe("findQuotations on hostile text", () => {
  const marks = fc.constantFrom(
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    " ",
    "\n",
    ",",
    ".",
    "a",
    "s",
    "Bush said",
    "é",
    "👍",
    "e\u0301",
  );
  const hostile = fc.array(marks, { maxLength: 80 }).map((parts) => parts.join(""));

  it("never throws, and every quotation's offsets hold its words, nested inside its parent", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), hostile), (text) => {
        const quotations = findQuotations(text);
        quotations.forEach((q, i) => {
          expect(0 <= q.open && q.open < q.start && q.start < q.end && q.end <= q.close && q.close <= text.length).toBe(
            true,
          );
          expect(text.slice(q.start, q.end)).toBe(q.exact);
          if (q.parent !== null) {
            const parent = quotations[q.parent]!;
            expect(q.parent < i && parent.open < q.open && q.close <= parent.close).toBe(true);
          }
          if (q.continues !== null) expect(q.continues < i).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("finds any quoted words put in curly quotes in plain prose, exactly", () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.array(word, { maxLength: 6 }), (quoted, prose) => {
        const words = quoted.join(" ");
        const text = `${prose.join(" ")} “${words}” ${prose.join(" ")}`.trim();
        expect(findQuotations(text).map((q) => q.exact)).toEqual([words]);
      }),
    );
  });
});

describe("findQuotations across paragraphs", () => {
  it("does not join a closed quotation to one opening the next paragraph", () => {
    const text = "Putin said, “We will see.”\n“Nobody knows,” an aide said.";
    expect(found(text).map((q) => [q.exact, q.speaker, q.continues])).toEqual([
      ["We will see.", "Putin", null],
      ["Nobody knows", "an aide", null],
    ]);
  });
});

describe("findQuotations on names with hyphens", () => {
  it("reads hyphenated and capitalised words around quotations (they once made it throw 'Invalid escape')", () => {
    const text =
      "Prime Minister Jean-Pierre Raffarin met reporters. Raffarin said, “We agree on the Indo-Pacific.” " +
      "Officials of Pakistani-origin firms said “nothing was sold”.";
    expect(findQuotations(text).map((q) => [q.exact, q.speaker])).toEqual([
      ["We agree on the Indo-Pacific.", "Jean-Pierre Raffarin"],
      ["nothing was sold", null],
    ]);
  });

  it("never throws on text of capitalised, hyphenated and dotted words and quotation marks", () => {
    const word = fc.constantFrom(
      "Al-Sabah",
      "Jean-Pierre",
      "Indo-Pacific",
      "W.",
      "Dr.",
      "Bush",
      "said",
      "he",
      "“",
      "”",
      ".",
      ",",
      "-",
      "(",
      "[",
      "\\",
      "$",
      "?",
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (words) => {
        const text = words.join(" ");
        expect(() => findQuotations(text)).not.toThrow();
      }),
    );
  });
});

describe("speakerOfWords: marking a quote by hand names who Check quotes names", () => {
  const at = (words: string) => {
    const start = article.indexOf(words);
    expect(start, words).toBeGreaterThanOrEqual(0);
    return [start, start + words.length] as const;
  };

  it("gives words inside a quotation the quotation's speaker, reported speech and partial quotes included", () => {
    expect(speakerOfWords(article, ...at("part of the West and not an enemy"))).toBe("George W Bush");
    expect(speakerOfWords(article, ...at("nervous"))).toBe("George W Bush");
    expect(speakerOfWords(article, ...at("a junta with nuclear weapons"))).toBe("Vladimir Putin");
    expect(speakerOfWords(article, ...at("Think about us"))).toBe("Vladimir Putin");
    // The quotation marks taken into the selection change nothing.
    const [s, e] = at("Think about us");
    expect(speakerOfWords(article, s - 1, e + 2)).toBe("Vladimir Putin");
  });

  it("gives reported speech without marks to its reporting subject, and answers null when there is none", () => {
    const text = "Vladimir Putin met Bush. Putin said the talks went well. The weather was fine.";
    const span = (words: string) => [text.indexOf(words), text.indexOf(words) + words.length] as const;
    expect(speakerOfWords(text, ...span("the talks went well"))).toBe("Vladimir Putin");
    expect(speakerOfWords(text, ...span("Vladimir Putin"))).toBeNull();
    expect(speakerOfWords(text, ...span("weather was fine"))).toBeNull();
  });

  it("never throws on hostile text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), fc.nat(200), fc.nat(200), (text, a, b) => {
        const [s, e] = [Math.min(a, b, text.length), Math.min(Math.max(a, b), text.length)];
        const who = speakerOfWords(text, s, e);
        expect(who === null || typeof who === "string").toBe(true);
      }),
    );
  });
});
