import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { anchor, describeRange, type Selectors } from "./anchoring";
import { reanchorAll, type ReanchorOutcome } from "./reanchor";

const article = readFileSync(new URL("../../../prisma/demo/corpus/seed-article.txt", import.meta.url), "utf8");

const PUTIN_QUOTE =
  "I am concerned about Pakistan. It is just a junta with nuclear weapons. It is no democracy, yet the West makes no criticism of it.";
const PUTIN_SENTENCE = `However, the Russian President adds, “${PUTIN_QUOTE}”\n\n`;

/** Selectors for the nth occurrence of `words` in `text`. */
function claimOn(text: string, words: string, nth = 0): Selectors {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(words, at + 1);
  if (at < 0) throw new Error(`fixture: "${words}" not found`);
  return describeRange(text, at, at + words.length);
}

const quoteStart = article.indexOf(PUTIN_QUOTE);
const claims = {
  putinQuote: claimOn(article, PUTIN_QUOTE),
  junta: claimOn(article, "It is just a junta with nuclear weapons."),
  criticism: claimOn(article, "yet the West makes no criticism of it"),
  // The "Pakistan" inside the deleted quote; the article mentions Pakistan elsewhere too.
  pakistanInQuote: describeRange(article, quoteStart + 21, quoteStart + 29),
  bushIran: claimOn(article, "“We (the US) have a complex history with Iran”"),
  year2005: claimOn(article, "2005"),
  nervous: claimOn(article, "nervous"),
  westNotEnemy: claimOn(article, "part of the West and not an enemy"),
};
const claimList = Object.entries(claims).map(([id, selectors]) => ({ id, selectors }));
const byId = (outcomes: ReanchorOutcome[]) => Object.fromEntries(outcomes.map((o) => [o.id, o]));

describe("describeRange", () => {
  it("records the words, 32 code units of context each side and the offsets", () => {
    const { quote, position } = claims.junta;
    expect(quote.exact).toBe("It is just a junta with nuclear weapons.");
    expect(quote.prefix).toBe(" adds, “I am concerned about Pakistan. ".slice(-32));
    expect(quote.suffix).toHaveLength(32);
    expect(article.slice(position?.start, position?.end)).toBe(quote.exact);
    expect(claims.pakistanInQuote.quote.exact).toBe("Pakistan");
  });

  it("stops the context at the edges of the text", () => {
    const { quote } = describeRange("Putin said so.", 0, 5);
    expect(quote).toEqual({ type: "TextQuoteSelector", exact: "Putin", prefix: "", suffix: " said so." });
  });

  it("widens a range that would split an emoji, and its context likewise", () => {
    const text = "Putin 😀 said";
    const inside = text.indexOf("😀") + 1; // between the two halves of the pair
    expect(describeRange(text, inside, inside + 2).quote.exact).toBe("😀 ");
    expect(describeRange(text, 0, inside).quote.exact).toBe("Putin 😀");

    const padded = `😀${"x".repeat(31)}claim`;
    const { quote } = describeRange(padded, 33, 38);
    expect(quote.prefix).toBe(`😀${"x".repeat(31)}`); // 33 units: the whole emoji, not half
  });

  it("keeps combining marks with their letter", () => {
    const text = "un cafe\u0301 noir";
    expect(describeRange(text, 3, 7).quote.exact).toBe("cafe\u0301");
    expect(describeRange(text, 7, 13).quote.exact).toBe("e\u0301 noir"); // from the mark back to its letter
  });

  it("rejects ranges outside the text", () => {
    expect(() => describeRange("abc", 2, 1)).toThrow(RangeError);
    expect(() => describeRange("abc", 0, 4)).toThrow(RangeError);
  });
});

describe("anchor", () => {
  it("uses the position when the words are still there", () => {
    const result = anchor(article, claims.junta);
    expect(result).toMatchObject({ status: "anchored", method: "position", score: 1 });
  });

  it("finds the quote when text before it moved it", () => {
    const edited = `Editor's note: updated.\n\n${article}`;
    const result = anchor(edited, claims.junta);
    expect(result).toMatchObject({ status: "anchored", method: "quote-exact", exact: claims.junta.quote.exact });
    if (result.status === "anchored") expect(result.start).toBe((claims.junta.position?.start ?? 0) + 25);
  });

  it("chooses, among repeated words, the one whose context matches", () => {
    const edited = `A new first line.\n${article}`;
    const result = anchor(edited, claims.pakistanInQuote);
    expect(result).toMatchObject({ status: "anchored", method: "quote-exact" });
    if (result.status === "anchored") expect(result.start).toBe(quoteStart + 21 + 18);
  });

  it("follows a long quote through a small edit and reports it as fuzzy", () => {
    const edited = article.replace("makes no criticism of it", "does not criticize it");
    const result = anchor(edited, claims.putinQuote);
    expect(result).toMatchObject({ status: "anchored", method: "fuzzy" });
    if (result.status === "anchored") {
      expect(result.exact).toBe(PUTIN_QUOTE.replace("makes no criticism of it", "does not criticize it"));
    }
  });

  it("orphans every claim in a deleted sentence, though Pakistan is still mentioned elsewhere", () => {
    const edited = article.replace(PUTIN_SENTENCE, "");
    expect(edited.length).toBe(article.length - PUTIN_SENTENCE.length);
    expect(edited.match(/Pakistan/g)?.length).toBeGreaterThanOrEqual(5);
    for (const claim of [claims.putinQuote, claims.junta, claims.criticism, claims.pakistanInQuote]) {
      expect(anchor(edited, claim)).toMatchObject({ status: "orphaned" });
    }
    expect(anchor(edited, claims.bushIran)).toMatchObject({ status: "anchored", method: "position" });
    expect(anchor(edited, claims.nervous)).toMatchObject({ status: "anchored", method: "quote-exact" });
  });

  it("orphans a deleted year rather than moving it to another year", () => {
    const edited = article.replace("four years later in 2005 at", "four years later at");
    expect(edited).toMatch(/2001/);
    expect(anchor(edited, claims.year2005)).toMatchObject({ status: "orphaned", reason: "no-context" });
  });

  it("does not move a one-word claim to a look-alike phrase in another sentence", () => {
    const old =
      "Putin had raised concerns over Pakistan’s nuclear proliferation during talks. " +
      "Documents from the United States revealed that Pakistan’s nuclear proliferation was a concern.";
    const claim = describeRange(old, 31, 39);
    expect(claim.quote.exact).toBe("Pakistan");
    const edited = old.slice(old.indexOf("Documents"));
    expect(anchor(edited, claim)).toMatchObject({ status: "orphaned", reason: "no-context" });
  });

  it("does not trust a short quote at its old offset once its context is gone", () => {
    const old = "In 2005 Putin met Bush at the Oval Office.";
    const claim = describeRange(old, 3, 7);
    const rewritten = "By 2005 nobody could say what happened next";
    expect(anchor(rewritten, claim)).toMatchObject({ status: "orphaned", reason: "no-context" });
  });

  it("orphans an empty quote", () => {
    expect(anchor(article, describeRange(article, 10, 10))).toEqual({
      status: "orphaned",
      reason: "empty-quote",
      bestScore: 0,
    });
  });

  it("finds words in right-to-left text with emoji after an insertion", () => {
    const old = "قال بوتين 😀 إن باكستان مصدر قلق. ואז אמר בוש: שָׁלוֹם.";
    const at = old.indexOf("باكستان");
    const claim = describeRange(old, at, at + 7);
    const edited = `🇫🇷 مرحبا. ${old}`;
    const shift = edited.length - old.length;
    expect(anchor(edited, claim)).toMatchObject({ status: "anchored", start: at + shift, end: at + shift + 7 });
  });
});

describe("reanchorAll", () => {
  it("shifts every claim by the length of a paragraph inserted at the top", () => {
    const inserted = "Update: this article was corrected on 27 December.\n\n";
    const edited = article.replace("Newly declassified", `${inserted}Newly declassified`);
    for (const outcome of reanchorAll(article, edited, claimList)) {
      const before = claims[outcome.id as keyof typeof claims].position;
      expect(outcome).toMatchObject({ status: "moved", via: "shift" });
      if (outcome.status === "moved") {
        expect(outcome.start).toBe((before?.start ?? 0) + inserted.length);
        expect(outcome.selectors.quote.exact).toBe(claims[outcome.id as keyof typeof claims].quote.exact);
      }
    }
  });

  it("marks claims whose words were edited as changed and shifts the rest", () => {
    const edited = article.replace("makes no criticism of it", "does not criticize it");
    const out = byId(reanchorAll(article, edited, claimList));
    expect(out.putinQuote).toMatchObject({ status: "changed", via: "edit", typographicOnly: false });
    expect(out.criticism).toMatchObject({
      status: "changed",
      oldExact: "yet the West makes no criticism of it",
      newExact: "yet the West does not criticize it",
    });
    expect(out.junta).toMatchObject({ status: "unchanged", via: "shift" });
    expect(out.bushIran).toMatchObject({ status: "unchanged" });
    expect(out.nervous).toMatchObject({ status: "moved", via: "shift" });
    if (out.nervous?.status === "moved") expect(out.nervous.start).toBe((claims.nervous.position?.start ?? 0) - 3);
  });

  it("orphans the claims of a deleted sentence and keeps the others", () => {
    const out = byId(reanchorAll(article, article.replace(PUTIN_SENTENCE, ""), claimList));
    for (const id of ["putinQuote", "junta", "criticism", "pakistanInQuote"]) {
      expect(out[id]).toMatchObject({ status: "orphaned" });
    }
    expect(out.bushIran).toMatchObject({ status: "unchanged" });
    expect(out.westNotEnemy).toMatchObject({ status: "moved", via: "shift" });
  });

  it("flags a change of quotation marks as typographic only", () => {
    const edited = article.replace(
      "“We (the US) have a complex history with Iran”",
      '"We (the US) have a complex history with Iran"',
    );
    expect(byId(reanchorAll(article, edited, claimList)).bushIran).toMatchObject({
      status: "changed",
      typographicOnly: true,
      newExact: '"We (the US) have a complex history with Iran"',
    });
  });

  it("does not grow a claim when text is typed at its edges", () => {
    const text = "Putin said nervous things.";
    const claim = { id: "c", selectors: describeRange(text, 11, 18) };
    const [atEnd] = reanchorAll(text, "Putin said nervousness things.", [claim]);
    expect(atEnd).toMatchObject({ status: "unchanged", start: 11, end: 18 });
    const [atStart] = reanchorAll(text, "Putin said very nervous things.", [claim]);
    expect(atStart).toMatchObject({ status: "moved", start: 16, end: 23 });
  });

  it("sees an accent added to a claim's last letter as a change", () => {
    const text = "Il a dit cafe noir.";
    const [outcome] = reanchorAll(text, "Il a dit cafe\u0301 noir.", [
      { id: "c", selectors: describeRange(text, 9, 13) },
    ]);
    expect(outcome).toMatchObject({ status: "changed", newExact: "cafe\u0301" });
  });

  it("follows a paragraph moved to the end", () => {
    const paragraph =
      "Bush tells Putin, according to transcripts, that he believes Russia is “part of the West and not an enemy”.\n\n";
    const edited = `${article.replace(paragraph, "")}\n\n${paragraph.trim()}`;
    const out = byId(reanchorAll(article, edited, claimList));
    expect(out.westNotEnemy).toMatchObject({ status: "moved", via: "anchor" });
    if (out.westNotEnemy?.status === "moved") {
      expect(edited.slice(out.westNotEnemy.start, out.westNotEnemy.end)).toBe("part of the West and not an enemy");
    }
  });

  it("never moves a claim onto an unmarked copy of its words when its own words are deleted", () => {
    const quote = "It is no democracy, yet the West makes no criticism of it.";
    const original = `A first paragraph about the memcons.\n\nThe Russian President adds, “${quote}”\n\nA closing paragraph.`;
    const claim = {
      id: "q",
      selectors: describeRange(original, original.indexOf(quote), original.indexOf(quote) + quote.length),
    };
    // Step 1: the quote is pasted, unmarked, into the first paragraph; the claim stays where it was.
    const withCopy = original.replace("about the memcons.", `about the memcons: ${quote}`);
    const [kept] = reanchorAll(original, withCopy, [claim]);
    expect(kept).toMatchObject({ status: "moved", start: withCopy.lastIndexOf(quote) });
    // Step 2: the claim's own paragraph is deleted: the copy is other words, so it is orphaned.
    const moved = kept?.status === "moved" ? { id: "q", selectors: kept.selectors } : claim;
    const deleted = withCopy.replace(`\n\nThe Russian President adds, “${quote}”`, "");
    expect(deleted.indexOf(quote)).toBeGreaterThan(0);
    expect(reanchorAll(withCopy, deleted, [moved])[0]).toMatchObject({ status: "orphaned" });
    // (Both steps in one edit are a move of the quote into the first paragraph: it follows.)
  });

  it("handles 1,000 claims over 20,000 words after an edit near the top, shifting all but the touched ones", () => {
    const paragraphs = article.split("\n\n").slice(1);
    const parts: string[] = [];
    for (let i = 0, words = 0; words < 20_000; i++) {
      const paragraph = `${i}. ${paragraphs[i % paragraphs.length]}`;
      parts.push(paragraph);
      words += paragraph.match(/\S+/g)?.length ?? 0;
    }
    const big = parts.join("\n\n");
    const words = [...big.matchAll(/\S+(?: \S+){3}/g)];
    const step = Math.floor(words.length / 1000);
    const many = Array.from({ length: 1000 }, (_, i) => {
      const m = words[i * step] as RegExpMatchArray;
      return { id: String(i), selectors: describeRange(big, m.index ?? 0, (m.index ?? 0) + m[0].length) };
    });
    const at = big.indexOf("nuclear proliferation");
    const edited = `${big.slice(0, at)}atomic${big.slice(at + "nuclear".length)}`;

    const started = performance.now();
    const outcomes = reanchorAll(big, edited, many);
    const elapsed = performance.now() - started;

    expect(big.match(/\S+/g)?.length).toBeGreaterThanOrEqual(20_000);
    // Only a claim overlapping the edit is re-read; the others are shifted in O(1).
    const touched = outcomes.filter((o) => o.via !== "shift");
    expect(touched.length).toBeLessThanOrEqual(1);
    const shifted = outcomes.filter((o) => o.via === "shift");
    expect(shifted.every((o) => o.status === "moved" || o.status === "unchanged")).toBe(true);
    expect(shifted.filter((o) => o.status === "moved").length).toBeGreaterThan(990);
    expect(outcomes.some((o) => o.status === "orphaned")).toBe(false);
    expect(elapsed).toBeLessThan(500); // generous: it takes a few milliseconds
  });
});
