// Search's statements are prepared and planned once per connection, with generic plans
// (docs/decisions/0011). A generic plan does not know how rare a word is, so this checks that it
// finds what a plan made for each search's own values finds, on searches of every shape: phrases,
// one word, stemmed forms, OCR damage, stop words only, quotation marks, every filter, page 2.
// Unique made-up words, so no other test's rows change the answers between the two runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policies";
import { closeDatabase, searchPool } from "@/lib/db";
import { searchPassages } from "@/lib/services/search/search-passages";
import { importSourceDocument } from "@/lib/services/sources/import-source-document";
import { buildUser, unique } from "@/test/support/factories";

let editor: Actor;
const word = () =>
  unique("zq")
    .replace(/-/g, "")
    .replace(/[0-9]/g, (d) => "abcdefghij"[Number(d)]!);
const [rare, common, other] = [word(), word(), word()];
let slug = "";

beforeAll(async () => {
  editor = await buildUser({ role: "editor" });
  const turn = (i: number) =>
    i % 7 === 0
      ? `We talked about the ${rare} ${other} and the ${common} at length.`
      : i % 5 === 0
        ? `The ${common}s were raised, then the ${rare}s ${i}.`
        : `Much of ${common} here in turn ${i}, said ${i % 2 ? "he" : "she"}.`;
  for (const [i, date, kind, primary] of [
    [0, "1999-03-01", "transcript", true],
    [1, "2008-04-06", "memcon", true],
    [2, "2015-07-09", "press_remarks", false],
  ] as const) {
    const doc = await importSourceDocument({
      actor: editor,
      input: {
        title: unique("Plans"),
        kind,
        primary,
        date,
        text: Array.from({ length: 30 }, (_, t) => `${t % 2 ? "PRESIDENT ONE" : "MINISTER TWO"}: ${turn(t + i)}`).join(
          "\n\n",
        ),
        onDuplicate: "new_version",
      },
    });
    if (i === 1) slug = doc.slug;
  }
});

afterAll(async () => {
  delete process.env.DATABASE_SEARCH_PLAN_CACHE_MODE;
  await closeDatabase(); // the next user of the pools gets the default again
});

const damaged = () => `${rare.slice(0, 3)}0${rare.slice(4)}`;
const searches = (): ({ q: string } & Record<string, unknown>)[] => [
  { q: `the ${rare} ${other} and the ${common}` },
  { q: `"the ${rare} ${other}"` },
  { q: rare },
  { q: `${common}s` },
  { q: `${rare} ${common}` },
  { q: `the ${damaged()} ${other} and te ${common}` },
  { q: `${damaged()} ${other}` },
  { q: `of ${common} here` },
  { q: `${common} here`, speaker: "ONE" },
  { q: common, kind: "memcon" },
  { q: common, primaryOnly: true },
  { q: `${rare} ${other}`, from: "2000-01-01", to: "2010-12-31" },
  { q: common, document: slug },
  { q: common, page: 2, pageSize: 10 },
];

async function answers() {
  const pages = [];
  for (const input of searches()) {
    const page = await searchPassages({ actor: editor, input: { pageSize: 50, ...input } });
    pages.push({
      input,
      hasMore: page.hasMore,
      results: page.results.map((r) => `${r.passageId} ${r.match} ${r.score.toFixed(6)}`),
    });
  }
  return pages;
}

describe("search's generic plans", () => {
  it("are what search's connections use: each statement planned once, never per search", async () => {
    await searchPassages({ actor: editor, input: { q: `the ${rare} ${other}` } });
    await searchPassages({ actor: editor, input: { q: `the ${common} ${other}` } });
    // The pool hands back the connection it used last.
    const client = await searchPool().connect();
    try {
      const { rows } = await client.query<{ mode: string }>("SELECT current_setting('plan_cache_mode') AS mode");
      expect(rows[0]!.mode).toBe("force_generic_plan");
      const plans = await client.query<{ generic: string; custom: string }>(
        `SELECT sum(generic_plans) AS generic, sum(custom_plans) AS custom FROM pg_prepared_statements
         WHERE name LIKE 'sourcemark_search_%'`,
      );
      expect(Number(plans.rows[0]!.generic)).toBeGreaterThanOrEqual(2);
      expect(Number(plans.rows[0]!.custom)).toBe(0);
    } finally {
      client.release();
    }
  });

  it("are set beside the server settings DATABASE_URL gives in its own options", async () => {
    const plain = process.env.DATABASE_URL!;
    const url = new URL(plain);
    url.searchParams.set("options", "-c statement_timeout=4321");
    process.env.DATABASE_URL = url.toString();
    try {
      await closeDatabase();
      const client = await searchPool().connect();
      try {
        const { rows } = await client.query<{ mode: string; timeout: string; jit: string }>(
          `SELECT current_setting('plan_cache_mode') AS mode, current_setting('statement_timeout') AS timeout,
             current_setting('jit') AS jit`,
        );
        expect(rows[0]).toEqual({ mode: "force_generic_plan", timeout: "4321ms", jit: "off" });
      } finally {
        client.release();
      }
    } finally {
      process.env.DATABASE_URL = plain;
      await closeDatabase();
    }
  });

  it("find the same passages, in the same order, as plans made for each search's values", async () => {
    const generic = await answers();
    for (const page of generic) expect(page.results.length, JSON.stringify(page.input)).toBeGreaterThan(0);
    expect(generic.map((p) => p.results[0]!.split(" ")[1])).toContain("fuzzy");
    process.env.DATABASE_SEARCH_PLAN_CACHE_MODE = "force_custom_plan";
    await closeDatabase();
    const client = await searchPool().connect();
    try {
      const { rows } = await client.query<{ mode: string }>("SELECT current_setting('plan_cache_mode') AS mode");
      expect(rows[0]!.mode).toBe("force_custom_plan");
    } finally {
      client.release();
    }
    expect(await answers()).toEqual(generic);
  });
});
