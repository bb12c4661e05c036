import "server-only";
// Every raw SQL statement of passage search, parameterised through Prisma.sql. Prisma cannot
// express tsvector matching, ts_rank_cd or pg_trgm's word similarity, so they live here and
// nowhere else. Indexes: passages_tsv_idx (GIN on the generated tsvector) and
// passages_search_text_trgm_idx (GIN trigram on search_text), both in the init migration.
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TSearchFilters } from "@/lib/schemas/sources";

/** 3 = the exact words in order, 2 = all words in some form (stemmed), 1 = similar (fuzzy). */
export type Tier = 1 | 2 | 3;
export type RankedRow = { id: string; tier: Tier; score: number };

/**
 * pg_trgm's word_similarity between the query and the best-matching stretch of a passage.
 * 0.6 is pg_trgm's default for `<%`: "i believe this is a good idea" against OCR's
 * "i believe this is a go6d aea" scores 0.74, an unrelated two-word query about 0.1–0.3.
 */
export const FUZZY_THRESHOLD = 0.6;
/** Shorter search forms share too few trigrams with anything for similarity to mean much. */
export const MIN_FUZZY_CHARS = 4;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filterSql(f: TSearchFilters & { documentIds?: string[] }): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.document) parts.push(Prisma.sql`AND (d.slug = ${f.document} OR d.id = ${f.document})`);
  if (f.documentIds) parts.push(Prisma.sql`AND d.id = ANY(${f.documentIds}::text[])`);
  if (f.speaker) parts.push(Prisma.sql`AND p.speaker ILIKE ${`%${escapeLike(f.speaker)}%`}`);
  if (f.kind) parts.push(Prisma.sql`AND d.kind = ${f.kind}::"SourceKind"`);
  if (f.primaryOnly) parts.push(Prisma.sql`AND d."primary"`);
  if (f.from) parts.push(Prisma.sql`AND d.date >= ${f.from}::date`);
  if (f.to) parts.push(Prisma.sql`AND d.date <= ${f.to}::date`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/** The whole phrase, word for word: the padded LIKE checks word edges. */
const paddedSql = (form: string) => Prisma.sql`(' ' || p.search_text || ' ') LIKE ${`% ${escapeLike(form)} %`}`;

/**
 * Rows where the phrase may occur, for an index to find. A phrase with content words holds all
 * their lexemes, so the tsvector index narrows it down; a phrase of stop words only ("it is
 * no") has none, and the trigram index has to find it (slow for very common words).
 */
function exactCandidatesSql(form: string, lexemes: readonly string[]): Prisma.Sql {
  return lexemes.length ? Prisma.sql`p.tsv @@ plainto_tsquery('english', ${form})` : Prisma.sql`p.search_text LIKE ${`%${escapeLike(form)}%`}`;
}

export type RankQuery = {
  form: string;
  exactOnly: boolean;
  filters: TSearchFilters & { documentIds?: string[] };
  limit: number;
  /** The query's lexemes, rarest first (queryLexemes). */
  lexemes: string[];
  /** True when the exact and stemmed tiers found nothing: then look harder (see rankFuzzy). */
  broad?: boolean;
};

/** Exact and stemmed matches, best first: exact phrase above stemmed, then ts_rank_cd. */
export async function rankExactAndStemmed({ form, exactOnly, filters, limit, lexemes }: RankQuery): Promise<RankedRow[]> {
  const candidates = exactCandidatesSql(form, lexemes);
  // With lexemes, every exact match is also a stemmed match: one index condition serves both.
  const where = exactOnly || lexemes.length === 0 ? Prisma.sql`${candidates} AND ${paddedSql(form)}` : candidates;
  const rows = await prisma.$queryRaw<RankedRow[]>(Prisma.sql`
    SELECT p.id, (CASE WHEN ${paddedSql(form)} THEN 3 ELSE 2 END)::int AS tier, ts_rank_cd(p.tsv, q.query)::float8 AS score
    FROM passages p
    JOIN source_documents d ON d.id = p.document_id
    CROSS JOIN plainto_tsquery('english', ${form}) AS q(query)
    WHERE ${where} ${filterSql(filters)}
    ORDER BY tier DESC, score DESC, d.date DESC NULLS LAST, p.document_id, p.ordinal
    LIMIT ${limit}`);
  return rows.map((r) => ({ id: r.id, tier: r.tier, score: Number(r.score) }));
}

/**
 * Lexemes of the query ranked rarest first, from the planner's statistics on the tsvector
 * column (pg_stats.most_common_elems; a lexeme not listed there is rarer than any listed one).
 */
export async function queryLexemes(form: string): Promise<string[]> {
  const [frequencies, rows] = await Promise.all([
    lexemeFrequencies(),
    prisma.$queryRaw<{ lexeme: string }[]>(Prisma.sql`SELECT lexeme FROM unnest(to_tsvector('english', ${form}))`),
  ]);
  return rows
    .map((r) => ({ lexeme: r.lexeme, freq: frequencies.get(r.lexeme) ?? 0 }))
    .sort((a, b) => a.freq - b.freq || a.lexeme.localeCompare(b.lexeme))
    .map((r) => r.lexeme);
}

// The statistics change only when ANALYZE runs, so reading them once every few minutes will do.
const STATS_TTL_MS = 5 * 60_000;
let statsCache: { at: number; frequencies: Promise<Map<string, number>> } | null = null;

function lexemeFrequencies(): Promise<Map<string, number>> {
  if (statsCache && Date.now() - statsCache.at < STATS_TTL_MS) return statsCache.frequencies;
  const frequencies = prisma
    .$queryRaw<{ elem: string; freq: number }[]>(Prisma.sql`
      SELECT e.elem, e.freq::float8 AS freq
      FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(elem, freq)
      WHERE s.schemaname = current_schema() AND s.tablename = 'passages' AND s.attname = 'tsv' AND e.elem IS NOT NULL`)
    .then((rows) => new Map(rows.map((r) => [r.elem, Number(r.freq)])))
    // Statistics only steer the choice of words; without them every word counts as rare.
    .catch((error: unknown) => {
      console.error("passage search: could not read lexeme statistics", error);
      statsCache = null;
      return new Map<string, number>();
    });
  statsCache = { at: Date.now(), frequencies };
  return frequencies;
}

const quoteLexeme = (l: string) => `'${l.replace(/['\\]/g, (c) => `\\${c}`)}'`;
/** Passages holding any two of the lexemes: "(a & b) | (a & c) | (b & c)". */
const anyTwoOf = (lexemes: string[]) => lexemes.flatMap((a, i) => lexemes.slice(i + 1).map((b) => `(${quoteLexeme(a)} & ${quoteLexeme(b)})`)).join(" | ");
const anyOneOf = (lexemes: string[]) => lexemes.map(quoteLexeme).join(" | ");

/**
 * Similar passages that neither the phrase nor the stemmed words found, most similar first.
 *
 * Trigram similarity is checked passage by passage (~0.1 ms for 500 characters), and when a
 * query is made of common words thousands of passages share enough trigrams with it. So only
 * passages holding some of the query's distinctive words intact are checked: first those with
 * two of its five rarest words (few passages; a word damaged by OCR counts as rare but pairs
 * with nothing); and only when no tier found anything, those with one of them (the 2008
 * memcon's "go6d aea" keeps only "believe"). Either way at most MAX_FUZZY_CANDIDATES.
 * `<%` is left out on purpose: the planner would estimate its selectivity by running
 * word_similarity over the column's histogram, ~10 ms of planning per search.
 */
export async function rankFuzzy({ form, filters, limit, lexemes, broad = false }: RankQuery): Promise<RankedRow[]> {
  if (form.length < MIN_FUZZY_CHARS || limit <= 0) return [];
  // Only stop words ("it is no"): nothing distinctive to look for; the exact tier finds those.
  const rarest = lexemes.slice(0, 5);
  if (rarest.length === 0) return [];
  const run = async (candidates: string) => {
    // The candidates are capped, so the similarity check has a bounded cost whatever the query.
    const rows = await prisma.$queryRaw<RankedRow[]>(Prisma.sql`
      SELECT c.id, 1 AS tier, word_similarity(${form}, c.search_text)::float8 AS score
      FROM (
        SELECT p.id, p.search_text, p.document_id, p.ordinal
        FROM passages p
        JOIN source_documents d ON d.id = p.document_id
        WHERE p.tsv @@ ${candidates}::tsquery
          AND NOT (p.tsv @@ plainto_tsquery('english', ${form}))
          ${filterSql(filters)}
        LIMIT ${MAX_FUZZY_CANDIDATES}
      ) c
      WHERE word_similarity(${form}, c.search_text) >= ${FUZZY_THRESHOLD}
      ORDER BY score DESC, c.document_id, c.ordinal
      LIMIT ${limit}`);
    return rows.map((r) => ({ id: r.id, tier: 1 as const, score: Number(r.score) }));
  };
  const rows = rarest.length >= 2 ? await run(anyTwoOf(rarest)) : [];
  if (rows.length > 0 || !broad) return rows;
  const frequencies = await lexemeFrequencies();
  // Common words would bring the whole corpus; keep the rarest even if common.
  const distinctive = rarest.filter((l, i) => i === 0 || (frequencies.get(l) ?? 0) <= COMMON_LEXEME_SHARE);
  return run(anyOneOf(distinctive));
}

/** Passages checked for similarity at most, per search: about 80 ms of work. */
export const MAX_FUZZY_CANDIDATES = 800;
/** A lexeme in more than this share of passages is too common to look for alone. */
const COMMON_LEXEME_SHARE = 0.005;

/** Distinct speakers, for the speaker filter. */
export async function listSpeakers(): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ speaker: string }[]>(Prisma.sql`
    SELECT DISTINCT speaker FROM passages WHERE speaker IS NOT NULL ORDER BY speaker LIMIT 500`);
  return rows.map((r) => r.speaker);
}
