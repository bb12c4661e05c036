// Passage search's order and its OCR tiers on documents made for each test (unique made-up words,
// so no other test's rows interfere): one word newest source first, whichever way the database
// finds its first matches; stemmed matches holding the phrase's small words first; near copies
// of a phrase beside its exact match; OCR-damaged stop words (docs/decisions/0010).
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policies";
import { searchPassages } from "@/lib/services/search/search-passages";
import { rankExactAndStemmed } from "@/lib/services/search/search-sql";
import { importSourceDocument } from "@/lib/services/sources/import-source-document";
import { buildUser, unique } from "@/test/support/factories";

let editor: Actor;
const word = () =>
  unique("zq")
    .replace(/-/g, "")
    .replace(/[0-9]/g, (d) => "abcdefghij"[Number(d)]!);

async function importTurns(turns: string[], date: string) {
  return importSourceDocument({
    actor: editor,
    input: {
      title: unique("Order"),
      kind: "transcript",
      primary: true,
      date,
      text: turns.map((t, i) => `SPEAKER ${i % 2 ? "ONE" : "TWO"}: ${t}`).join("\n\n"),
      onDuplicate: "new_version",
    },
  });
}

async function search(q: string, filters: Record<string, unknown> = {}) {
  return (await searchPassages({ actor: editor, input: { q, pageSize: 50, ...filters } })).results;
}

beforeAll(async () => {
  editor = await buildUser({ role: "editor" });
});

describe("passage search order", () => {
  it("lists one word's passages newest source first, then in document order, walked or sorted alike", async () => {
    const w = word();
    // The older source says the word twice in every turn: ranked by ts_rank_cd it would come first.
    const older = await importTurns(
      Array.from({ length: 6 }, (_, i) => `Turn ${i} says ${w} and ${w} again.`),
      "2001-05-01",
    );
    const newer = await importTurns(
      Array.from({ length: 6 }, (_, i) => `Later turn ${i} says ${w} ${"once ".repeat(i)}only.`),
      "2019-05-01",
    );
    const results = await search(w);
    expect(results.map((r) => r.document.id)).toEqual([...Array(6).fill(newer.id), ...Array(6).fill(older.id)]);
    expect(results.slice(0, 6).map((r) => r.ordinal)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.every((r) => r.match === "exact")).toBe(true);
    // The walk over documents (used for common words) and the sort of every match agree row for row.
    for (const limit of [3, 8, 21]) {
      const walked = await rankExactAndStemmed({
        form: w,
        exactOnly: false,
        filters: { primaryOnly: false },
        limit,
        walk: true,
      });
      const sorted = await rankExactAndStemmed({
        form: w,
        exactOnly: false,
        filters: { primaryOnly: false },
        limit,
        walk: false,
      });
      expect(walked.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
      expect(walked).toHaveLength(Math.min(limit, 12));
    }
    // Document filters apply to the walk as well.
    const filtered = await rankExactAndStemmed({
      form: w,
      exactOnly: false,
      filters: { primaryOnly: false, from: "2000-01-01", to: "2010-12-31" },
      limit: 21,
      walk: true,
    });
    expect(filtered.map((r) => r.row!.document.id)).toEqual(Array(6).fill(older.id));
  });

  it("ranks by relevance once the query has two words", async () => {
    const [a, b] = [word(), word()];
    const doc = await importTurns(
      [`${a} is far, very far, from what was said later about ${b}.`, `${a} ${b} together.`],
      "2010-01-01",
    );
    const results = await search(`${b} ${a}`);
    expect(results.map((r) => r.document.id)).toEqual([doc.id, doc.id]);
    // Both hold the two words in another order (stemmed); the one holding them side by side first.
    expect(results.map((r) => r.ordinal)).toEqual([1, 0]);
  });

  it("puts the stemmed matches that hold the phrase's runs of small words first", async () => {
    const w = word();
    const noise = Array.from({ length: 30 }, (_, i) => `Item ${i}: ${w} appears here with other words.`);
    const doc = await importTurns([...noise, `And so it had so was had ${w} under the table.`], "2005-01-01");
    // "so" damaged to "s": no passage holds the phrase word for word; 31 hold the word.
    const results = await search(`had s was had ${w} under`);
    expect(results.length).toBeGreaterThan(20);
    expect(results[0]!.document.id).toBe(doc.id);
    expect(results[0]!.ordinal).toBe(30);
    expect(results[0]!.match).toBe("stemmed");
  });

  it("finds a phrase whose stop words OCR damaged, when its only content word is common", async () => {
    const w = word();
    // More passages hold the word than the fuzzy tier checks (200): the runs of small words must pick it.
    const noise = Array.from({ length: 250 }, (_, i) => `Line ${i} of ${w}: the to and.`);
    const doc = await importTurns([...noise, `It was but ${w} the to to the end.`], "2005-01-01");
    const results = await search(`bt ${w} te to to the`);
    expect(results[0]?.document.id).toBe(doc.id);
    expect(results[0]!.ordinal).toBe(250);
    expect(results[0]!.match).toBe("fuzzy");
  });

  it("finds a phrase whose one damaged stop word makes a run of three beside its only word", async () => {
    const w = word();
    const noise = Array.from({ length: 250 }, (_, i) => `Entry ${i}: ${w} with nothing else.`);
    const doc = await importTurns([...noise, `So ${w} between with of he and more.`], "2005-01-01");
    // "between" read as "bctween", "he" as "h": neither is a word any passage holds.
    const results = await search(`${w} bctween with of h and`);
    expect(results[0]?.document.id).toBe(doc.id);
    expect(results[0]!.ordinal).toBe(250);
  });

  it("shows near copies of a phrase beside its exact match: the same words in place, some damaged", async () => {
    const [a, b, c] = [word(), word(), word()];
    const exact = await importTurns([`He said ${a} ${b} must ${c} now.`], "2008-04-06");
    const scanned = await importTurns(
      [`He said ${a} ${b} rnust ${c} n0w.`, `${a} and ${c} apart, not the phrase.`],
      "2008-04-07",
    );
    const results = await search(`${a} ${b} must ${c} now`);
    expect(results[0]).toMatchObject({ match: "exact", document: { id: exact.id } });
    const near = results.filter((r) => r.match === "fuzzy");
    expect(near.map((r) => [r.document.id, r.ordinal])).toEqual([[scanned.id, 0]]);
    expect(near[0]!.score).toBeGreaterThan(0.9);
  });

  it("gives the same answer to the same search run many times (prepared statements, generic plans)", async () => {
    const w = word();
    await importTurns([`One ${w}.`, `Two ${w}.`, `Three ${w}.`], "2012-01-01");
    const first = (await search(w)).map((r) => r.passageId);
    expect(first).toHaveLength(3);
    for (let i = 0; i < 8; i++) expect((await search(w)).map((r) => r.passageId)).toEqual(first);
  });
});
