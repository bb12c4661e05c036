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

/** The phrase as whole words: LIKE uses the trigram index, the padded LIKE checks word edges. */
function exactSql(form: string): Prisma.Sql {
  const escaped = escapeLike(form);
  return Prisma.sql`(p.search_text LIKE ${`%${escaped}%`} AND (' ' || p.search_text || ' ') LIKE ${`% ${escaped} %`})`;
}

export type RankQuery = { form: string; exactOnly: boolean; filters: TSearchFilters & { documentIds?: string[] }; limit: number };

/** Exact and stemmed matches, best first: exact phrase above stemmed, then ts_rank_cd. */
export async function rankExactAndStemmed({ form, exactOnly, filters, limit }: RankQuery): Promise<RankedRow[]> {
  const exact = exactSql(form);
  const where = exactOnly ? exact : Prisma.sql`(p.tsv @@ q.query OR ${exact})`;
  const rows = await prisma.$queryRaw<RankedRow[]>(Prisma.sql`
    SELECT p.id, (CASE WHEN ${exact} THEN 3 ELSE 2 END)::int AS tier, ts_rank_cd(p.tsv, q.query)::float8 AS score
    FROM passages p
    JOIN source_documents d ON d.id = p.document_id
    CROSS JOIN plainto_tsquery('english', ${form}) AS q(query)
    WHERE ${where} ${filterSql(filters)}
    ORDER BY tier DESC, score DESC, d.date DESC NULLS LAST, p.document_id, p.ordinal
    LIMIT ${limit}`);
  return rows.map((r) => ({ id: r.id, tier: r.tier, score: Number(r.score) }));
}

/** Similar passages that neither the phrase nor the stemmed words found, most similar first. */
export async function rankFuzzy({ form, filters, limit }: RankQuery): Promise<RankedRow[]> {
  if (form.length < MIN_FUZZY_CHARS || limit <= 0) return [];
  const rows = await prisma.$queryRaw<RankedRow[]>(Prisma.sql`
    SELECT p.id, 1 AS tier, word_similarity(${form}, p.search_text)::float8 AS score
    FROM passages p
    JOIN source_documents d ON d.id = p.document_id
    WHERE ${form} <% p.search_text
      AND word_similarity(${form}, p.search_text) >= ${FUZZY_THRESHOLD}
      AND NOT (p.tsv @@ plainto_tsquery('english', ${form}))
      AND NOT ${exactSql(form)}
      ${filterSql(filters)}
    ORDER BY score DESC, p.document_id, p.ordinal
    LIMIT ${limit}`);
  return rows.map((r) => ({ id: r.id, tier: 1, score: Number(r.score) }));
}

/** Distinct speakers, for the speaker filter. */
export async function listSpeakers(): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ speaker: string }[]>(Prisma.sql`
    SELECT DISTINCT speaker FROM passages WHERE speaker IS NOT NULL ORDER BY speaker LIMIT 500`);
  return rows.map((r) => r.speaker);
}
