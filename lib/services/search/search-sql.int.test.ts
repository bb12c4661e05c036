// The SQL pieces of passage search against PostgreSQL itself: the stop-word n-gram function and
// its TypeScript twin agree, the stop-word list is the server's, and the lexicon trigger keeps
// every lexeme with its deletion forms; which words count as common.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { deletionForms, ENGLISH_STOP_WORDS, stopWordNgrams } from "@/lib/text/search/search-phrase";
import { searchForm } from "@/lib/text/search/search-normalise";
import { buildUser } from "@/test/support/factories";
import { analyzePassages } from "@/test/support/source-factories";
import { importSourceDocument } from "@/lib/services/sources/import-source-document";
import {
  COMMON_LEXEME_SHARE,
  commonShare,
  MIN_COMMON_PASSAGES,
  statistics,
} from "@/lib/services/search/search-statistics";

describe("search SQL", () => {
  it("search_stopword_ngrams is stopWordNgrams", async () => {
    for (const text of [
      "He and of an a as the zebra of the",
      "It is just a junta with nuclear weapons.",
      "zebra",
      "",
      "not only for a long·time but quite intensively",
    ]) {
      const form = searchForm(text);
      const [row] = await prisma.$queryRaw<{ grams: string[] }[]>(
        Prisma.sql`SELECT tsvector_to_array(search_stopword_ngrams(${form})) AS grams`,
      );
      expect(row!.grams.sort(), text).toEqual(stopWordNgrams(form).sort());
    }
  });

  it("uses the server's stop words: each gives to_tsvector('english') no lexeme, their neighbours do", async () => {
    const words = [...ENGLISH_STOP_WORDS];
    const [row] = await prisma.$queryRaw<{ stop: number; content: number }[]>(Prisma.sql`
      SELECT (SELECT count(*) FROM unnest(${words}::text[]) w WHERE to_tsvector('english', w) = ''::tsvector)::int AS stop,
             (SELECT count(*) FROM unnest(${["junta", "weapons", "time", "idea", "believe", "good"]}::text[]) w WHERE to_tsvector('english', w) = ''::tsvector)::int AS content`);
    expect(row).toEqual({ stop: words.length, content: 0 });
  });

  it("keeps every imported lexeme in the lexicon with its deletion forms", async () => {
    const editor = await buildUser({ role: "editor" });
    const word = `qzx${Date.now().toString(36)}`;
    await importSourceDocument({
      actor: editor,
      input: {
        title: `Lexicon ${word}`,
        kind: "memcon",
        primary: true,
        text: `A: The ${word} was read as go6d aea.`,
        onDuplicate: "new_version",
      },
    });
    const rows = await prisma.searchLexemeDeletion.findMany({ where: { lexeme: word }, select: { deletion: true } });
    expect(rows.map((r) => r.deletion).sort()).toEqual(deletionForms(word, 1).sort());
    expect(await prisma.searchLexeme.count({ where: { lexeme: { in: ["go6d", "aea"] } } })).toBe(2);
  });

  it("counts a word as common only in more than 0.5 % of passages and at least 50 of them", async () => {
    expect(commonShare(100_000)).toBe(COMMON_LEXEME_SHARE);
    expect(commonShare(1_000_000)).toBe(COMMON_LEXEME_SHARE);
    // A word in one passage of a 194-passage library is 0.52 % of it, and not common.
    expect(1 / 194).toBeGreaterThan(COMMON_LEXEME_SHARE);
    expect(1 / 194).toBeLessThanOrEqual(commonShare(194));
    expect(MIN_COMMON_PASSAGES / 194).toBeLessThanOrEqual(commonShare(194));
    // No count (never analyzed): nothing is common.
    expect(commonShare(0)).toBe(Number.POSITIVE_INFINITY);
    // The statistics search reads carry the library's own threshold.
    await analyzePassages();
    const [row] = await prisma.$queryRaw<{ passages: number }[]>(
      Prisma.sql`SELECT reltuples::float8 AS passages FROM pg_class WHERE oid = 'passages'::regclass`,
    );
    expect((await statistics()).common).toBe(commonShare(row!.passages));
  });
});
