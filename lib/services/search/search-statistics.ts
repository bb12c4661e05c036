import "server-only";
// What the planner's statistics say about the library's words: which are common, which runs of
// stop words are (search-sql.ts and search-fuzzy.ts choose words and plans by them), and the
// query's own lexemes, rarest first.
import { Prisma } from "@/lib/generated/prisma/client";
import { run } from "@/lib/services/search/search-db";

/** A lexeme in more than this share of passages is too common to look for alone. */
export const COMMON_LEXEME_SHARE = 0.005;

/**
 * A lexeme in fewer passages than this is never too common, whatever its share: in a library of
 * 200 passages a word in one of them is 0.5 % of it, and leaving it out would save nothing and
 * lose that passage (a small library's "go6d aea" was not found for "good idea" once ANALYZE had
 * run).
 */
export const MIN_COMMON_PASSAGES = 50;

/**
 * The share above which a lexeme is common in a library of `passages` (COMMON_LEXEME_SHARE,
 * MIN_COMMON_PASSAGES); with no count, nothing is: leaving a word out only ever saves time.
 */
export const commonShare = (passages: number) =>
  passages > 0 ? Math.max(COMMON_LEXEME_SHARE, MIN_COMMON_PASSAGES / passages) : Number.POSITIVE_INFINITY;

/** A lexeme of the query and where it first stands in it (tsvector positions count stop words too). */
export type QueryLexeme = { lexeme: string; position: number };

/**
 * Lexemes of the query ranked rarest first, from the planner's statistics on the tsvector
 * column (pg_stats.most_common_elems; a lexeme not listed there is rarer than any listed one).
 */
export async function queryLexemes(form: string): Promise<QueryLexeme[]> {
  const [frequencies, rows] = await Promise.all([
    lexemeFrequencies(),
    run<QueryLexeme>(
      Prisma.sql`SELECT lexeme, positions[1]::int AS position FROM unnest(to_tsvector('english', ${form}))`,
    ),
  ]);
  return rows
    .map((r) => ({ ...r, freq: frequencies.get(r.lexeme) ?? 0 }))
    .sort((a, b) => a.freq - b.freq || a.lexeme.localeCompare(b.lexeme))
    .map(({ lexeme, position }) => ({ lexeme, position }));
}

// The statistics change only when ANALYZE runs, so reading them once every few minutes will do.
const STATS_TTL_MS = 5 * 60_000;
/**
 * `common`: the share above which a lexeme is common in this library (commonShare of the
 * passages the planner last counted, pg_class.reltuples).
 */
export type Frequencies = { lexemes: Map<string, number>; stopGrams: Map<string, number>; common: number };
let statsCache: { at: number; frequencies: Promise<Frequencies> } | null = null;

/** Whether a lexeme is too common in this library to look for alone (Frequencies.common). */
export const isCommon = (frequencies: Frequencies, lexeme: string) =>
  (frequencies.lexemes.get(lexeme) ?? 0) > frequencies.common;

/** Forgets the statistics read, so the next search reads them again (tests, after ANALYZE). */
export function forgetStatistics(): void {
  statsCache = null;
}

/**
 * The share of passages holding each common lexeme, and each common run of stop words, from the
 * planner's statistics (pg_stats.most_common_elems of the tsvector and of the stop-word n-gram
 * index's expression); what is not listed is rarer than anything listed.
 */
export function statistics(): Promise<Frequencies> {
  if (statsCache && Date.now() - statsCache.at < STATS_TTL_MS) return statsCache.frequencies;
  const frequencies = run<{ stop: boolean; elem: string; freq: number; passages: number }>(
    Prisma.sql`
      SELECT s.tablename <> 'passages' AS stop, e.elem, e.freq::float8 AS freq,
        (SELECT greatest(c.reltuples, 0)::float8 FROM pg_class c WHERE c.oid = to_regclass('passages')) AS passages
      FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(elem, freq)
      WHERE s.schemaname = current_schema() AND e.elem IS NOT NULL
        AND ((s.tablename = 'passages' AND s.attname = 'tsv') OR s.tablename = 'passages_stopword_ngrams_idx')`,
  )
    .then((rows) => ({
      lexemes: new Map(rows.filter((r) => !r.stop).map((r) => [r.elem, Number(r.freq)])),
      stopGrams: new Map(rows.filter((r) => r.stop).map((r) => [r.elem, Number(r.freq)])),
      common: commonShare(Number(rows[0]?.passages ?? 0)),
    }))
    // Statistics only steer the choice of words and plans; without them every word counts as rare.
    .catch((error: unknown) => {
      console.error("passage search: could not read lexeme statistics", error);
      statsCache = null;
      return { lexemes: new Map<string, number>(), stopGrams: new Map<string, number>(), common: commonShare(0) };
    });
  statsCache = { at: Date.now(), frequencies };
  return frequencies;
}

export const lexemeFrequencies = async () => (await statistics()).lexemes;

/**
 * The share of passages holding a word, from the lexeme statistics, 0 when it is not among the
 * common ones. The word is not stemmed here, so its likely stems are looked up too ("sanctions"
 * as "sanction", "believed" as "believ", "agency" as "agenc"); a miss only makes a word count
 * as rare, which costs time, never a result.
 */
export function wordShare(word: string, frequencies: Map<string, number>): number {
  const stems = [
    word,
    word.replace(/y$/, "i"),
    ...["s", "es", "ed", "d", "ing", "ly", "e", "y"].map((end) =>
      word.endsWith(end) ? word.slice(0, -end.length) : "",
    ),
  ];
  return Math.max(0, ...stems.map((stem) => frequencies.get(stem) ?? 0));
}
