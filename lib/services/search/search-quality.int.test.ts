// Search quality on the real demo corpus (prisma/demo/corpus): OCR noise (also with every word
// of a phrase damaged, and what it must not match), spelling variants, exact phrases (also of
// stop words only), the speaker filter, and a query that must find nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policies";
import { searchPassages } from "@/lib/services/search/search-passages";
import { suggestPassagesForClaim } from "@/lib/services/search/suggest-passages-for-claim";
import { buildUser } from "@/test/support/factories";
import { analyzePassages, importCorpus } from "@/test/support/source-factories";

let reviewer: Actor;
let docs: Record<string, { id: string; slug: string }>;
const hitText = (r: { snippet: { segments: { text: string; hit: boolean }[] } }) =>
  r.snippet.segments.filter((s) => s.hit).map((s) => s.text);
const ours = () => new Set(Object.values(docs).map((d) => d.id));

async function search(q: string, filters: Record<string, unknown> = {}) {
  const page = await searchPassages({ actor: reviewer, input: { q, pageSize: 50, ...filters } });
  return page.results.filter((r) => ours().has(r.document.id));
}

beforeAll(async () => {
  const editor = await buildUser({ role: "editor" });
  reviewer = await buildUser({ role: "reviewer" });
  docs = await importCorpus(editor);
  // As a library in use has them: the statistics that say which words are common. Without them
  // every word is rare.
  await analyzePassages();
});

describe("search quality on the demo corpus", () => {
  it("finds the 2008 memcon through its OCR noise: 'good idea' read as 'go6d aea'", async () => {
    const results = await search("I believe this is a good idea");
    const memcon = results.find((r) => r.document.id === docs["nsarchive-2008-04-06-sochi-memcon"]!.id);
    expect(memcon, "the memcon passage").toBeDefined();
    expect(memcon!.match).toBe("fuzzy");
    expect(hitText(memcon!).join(" ")).toMatch(/believe/);
    expect(memcon!.document.reliabilityNote).toMatch(/not a verbatim transcript/);
  });

  it("finds the memcon when every word of the phrase is damaged: 'good idea' read as 'go6d aea'", async () => {
    const memconId = docs["nsarchive-2008-04-06-sochi-memcon"]!.id;
    const results = await search("good idea");
    const memcon = results.find((r) => r.document.id === memconId);
    expect(memcon, "the memcon passage").toBeDefined();
    expect(memcon!.match).toBe("fuzzy");
    // 3 characters of 9 differ.
    expect(memcon!.score).toBeCloseTo(2 / 3, 5);
    expect(hitText(memcon!).join(" ")).toMatch(/go6d/);
    // The whole sentence ranks it first among the fuzzy matches.
    const sentence = (await search("I believe this is a good idea")).filter((r) => r.match === "fuzzy");
    expect(sentence[0]?.document.id).toBe(memconId);
  });

  it("finds 'long time' in the memcon's 'long·time'", async () => {
    const results = await search("long time");
    const memcon = results.find((r) => r.document.id === docs["nsarchive-2008-04-06-sochi-memcon"]!.id);
    expect(memcon, "the memcon passage").toBeDefined();
    expect(memcon!.match).toBe("exact");
    expect(hitText(memcon!)).toContain("long·time");
  });

  it("does not return the OCR passage for phrases it does not hold (precision)", async () => {
    const memconId = docs["nsarchive-2008-04-06-sochi-memcon"]!.id;
    for (const q of ["good morning", "a great idea", "nuclear idea", "good ideology"]) {
      const results = await search(q);
      expect(
        results.filter((r) => r.document.id === memconId && r.match === "fuzzy"),
        q,
      ).toEqual([]);
    }
  });

  it("finds exact phrases made only of stop words, which the tsvector cannot see", async () => {
    const results = await search('"not only for a"');
    const memcon = results.find((r) => r.document.id === docs["nsarchive-2008-04-06-sochi-memcon"]!.id);
    expect(memcon, "the memcon holds 'not only for a long·time'").toBeDefined();
    expect(memcon!.match).toBe("exact");
    expect(results.every((r) => r.match === "exact")).toBe(true);
    // Each word alone is in most passages; in this order only in a few.
    expect(await search('"for a not only"')).toEqual([]);
  });

  it("matches British and American spellings and other word forms: criticise finds criticize", async () => {
    const results = await search("criticise");
    const wion = results.find((r) => r.document.id === docs["wion-2025-12-25"]!.id);
    expect(wion, "WION prints 'does not criticize it'").toBeDefined();
    // The spelling is folded on both sides, so "criticise" is the same word as "criticize".
    expect(["exact", "stemmed"]).toContain(wion!.match);
    expect(hitText(wion!)).toContain("criticize");
    // India TV's "makes no criticism of it" is the same word in another form.
    expect(results.some((r) => r.document.id === docs["indiatv-2025-12-26"]!.id)).toBe(true);
  });

  it("ranks the exact phrase above passages that only share its words", async () => {
    const results = await search("a junta with nuclear weapons");
    expect(results.length).toBeGreaterThanOrEqual(2);
    expect(results[0]!.match).toBe("exact");
    expect(hitText(results[0]!)[0]!.toLowerCase()).toBe("a junta with nuclear weapons");
    const tiers = results.map((r) => ["exact", "stemmed", "fuzzy"].indexOf(r.match));
    expect([...tiers].sort((a, b) => a - b)).toEqual(tiers);
    const quoted = await search("“yet the West does not criticize it”");
    expect(quoted.map((r) => r.document.id)).toEqual([docs["wion-2025-12-25"]!.id]);
    expect(quoted[0]!.match).toBe("exact");
  });

  it("filters by speaker: Putin's turns in the White House remarks, not Bush's", async () => {
    const all = await search("Sochi", { document: docs["whitehouse-2008-04-06-remarks"]!.slug });
    const putin = await search("Sochi", { document: docs["whitehouse-2008-04-06-remarks"]!.slug, speaker: "putin" });
    expect(putin.length).toBeGreaterThan(0);
    expect(putin.every((r) => r.speaker === "PRESIDENT PUTIN")).toBe(true);
    expect(all.length).toBeGreaterThanOrEqual(putin.length);
    const bushOnPakistan = await search("junta", { speaker: "PRESIDENT BUSH" });
    expect(bushOnPakistan).toEqual([]);
  });

  it("filters by kind, primary only and date range", async () => {
    const primary = await search("Pakistan", { primaryOnly: true });
    expect(primary.every((r) => r.document.primary)).toBe(true);
    const news = await search("Pakistan", { kind: "news_report", from: "2025-12-26", to: "2025-12-26" });
    expect(news.length).toBeGreaterThan(0);
    expect(news.every((r) => r.document.kind === "news_report" && r.document.date === "2025-12-26")).toBe(true);
  });

  it("finds nothing for words no source has", async () => {
    expect(await search("photosynthesis in chloroplasts")).toEqual([]);
    expect(await search('"a good idea of course"')).toEqual([]);
  });

  it("paginates with a next page flag", async () => {
    const first = await searchPassages({ actor: reviewer, input: { q: "Putin", pageSize: 2 } });
    expect(first.results).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    const second = await searchPassages({ actor: reviewer, input: { q: "Putin", pageSize: 2, page: 2 } });
    expect(second.results.map((r) => r.passageId)).not.toContain(first.results[0]!.passageId);
  });

  it("offers passages for a claim's words, exact quotes before near ones", async () => {
    const suggestions = await suggestPassagesForClaim({
      actor: reviewer,
      input: { text: "“It is just a junta with nuclear weapons.”", limit: 10 },
    });
    expect(suggestions.length).toBeGreaterThanOrEqual(2);
    expect(suggestions[0]!.match).toBe("exact");
    const ocr = await suggestPassagesForClaim({
      actor: reviewer,
      input: { text: "I believe this is a good idea", limit: 10 },
    });
    expect(ocr.some((r) => r.document.id === docs["nsarchive-2008-04-06-sochi-memcon"]!.id)).toBe(true);
  });

  it("refuses signed-out searches and over-long queries", async () => {
    await expect(searchPassages({ actor: null, input: { q: "Putin" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(searchPassages({ actor: reviewer, input: { q: "x".repeat(301) } })).rejects.toThrow(/at most 300/);
  });
});
