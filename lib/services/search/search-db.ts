import "server-only";
// How passage search talks to PostgreSQL: every statement through `run` (search's own pg pool,
// prepared, planned once), the filters every tier shares, and the page's rows. The statements
// themselves are in search-sql.ts (exact and stemmed), search-fuzzy.ts (OCR noise) and
// search-statistics.ts; docs/decisions/0006, 0010 and 0011.
import { createHash } from "node:crypto";
import { searchPool } from "@/lib/db";
import { Prisma, type SourceKind } from "@/lib/generated/prisma/client";
import type { ResultRow } from "@/lib/services/search/present-search-result";
import type { RankedRow } from "@/lib/services/search/search-sql";
import type { TSearchFilters } from "@/lib/schemas/sources";

/**
 * Runs one statement on search's pool for the read context (the replica's inside
 * readFromReplica) through `pg` itself: Prisma's query engine adds about 0.2 ms a statement, a
 * tenth of a search (docs/decisions/0010). The statement is still built and parameterised by
 * Prisma.sql.
 *
 * Statements are prepared (named), and the pool's connections keep one generic plan for each
 * (docs/decisions/0011): a connection parses and plans a statement's text once, where planning
 * had been half of a search's time in the database. So the SQL of search is written for plans
 * that do not know the values (tsquerySql, and the matches in materialized CTEs). Searches of
 * the same shape (number of words, filters) share a text; the first MAX_PREPARED_SHAPES texts
 * get names, later ones run unnamed (planned for each execution), so no connection holds more
 * than that many.
 */
export async function run<T>(sql: Prisma.Sql): Promise<T[]> {
  const result = await searchPool().query({ name: statementName(sql.text), text: sql.text, values: sql.values });
  return result.rows as T[];
}

const MAX_PREPARED_SHAPES = 64;
// On globalThis, and named by a hash of the text: Next bundles this module into several chunks
// that share the pool's connections, and a name must mean one text on every connection (a name
// per chunk counter once gave two texts one name: "Prepared statements must be unique").
const statementNames = ((globalThis as Record<symbol, unknown>)[Symbol.for("sourcemark.searchStatements")] ??= new Map<
  string,
  string
>()) as Map<string, string>;

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_PREPARED_SHAPES) {
    name = `sourcemark_search_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The filters on the passage itself (its speaker), on the statement's `p`. */
export function passageFilterSql(f: TSearchFilters): Prisma.Sql {
  return f.speaker ? Prisma.sql`AND p.speaker ILIKE ${`%${escapeLike(f.speaker)}%`}` : Prisma.empty;
}

/**
 * The filters on the passage's document, on the statement's `d`: only those set, so the planner
 * estimates them from their own statistics (kind, primary) or defaults; one NULL-tolerant text for
 * all of them was estimated to keep one document of 200 and got passages rescanned per document.
 */
export function documentFilterSql(f: TSearchFilters & { documentIds?: string[] }): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.document) parts.push(Prisma.sql`AND (d.slug = ${f.document} OR d.id = ${f.document})`);
  if (f.documentIds) parts.push(Prisma.sql`AND d.id = ANY(${f.documentIds}::text[])`);
  if (f.kind) parts.push(Prisma.sql`AND d.kind = ${f.kind}::"SourceKind"`);
  if (f.primaryOnly) parts.push(Prisma.sql`AND d."primary"`);
  if (f.from) parts.push(Prisma.sql`AND d.date >= ${f.from}::date`);
  if (f.to) parts.push(Prisma.sql`AND d.date <= ${f.to}::date`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/**
 * The tsquery of a text, stemmed as the tsvector column is: `phrase` keeps the words' order and
 * distances (phraseto_tsquery), `plain` asks for all of them anywhere (plainto_tsquery). Written
 * as a scalar subquery, so it is computed once per search: search's statements keep one generic
 * plan (searchPool), where a function of a parameter is not folded into a constant and would
 * otherwise parse and stem the query again for every row it rechecks.
 */
export const tsquerySql = (kind: "phrase" | "plain", text: string) =>
  kind === "phrase"
    ? Prisma.sql`(SELECT phraseto_tsquery('english', ${text}))`
    : Prisma.sql`(SELECT plainto_tsquery('english', ${text}))`;

/**
 * Passages whose tsvector matches any of `queries`, one index search each (a bitmap scan over the
 * array's elements): one statement text however many there are. `phrase`: texts made tsqueries as
 * tsquerySql does, once per search; `tsquery`: texts already in tsquery syntax.
 */
export const matchesAnySql = (kind: "phrase" | "tsquery", queries: string[]) =>
  kind === "phrase"
    ? Prisma.sql`p.tsv @@ ANY((SELECT array_agg(phraseto_tsquery('english', t)) FROM unnest(${queries}::text[]) AS t)::tsquery[])`
    : Prisma.sql`p.tsv @@ ANY(${queries}::tsquery[])`;

/** A lexeme as tsquery text, quoted: "'go6d'". */
export const quoteLexeme = (l: string) => `'${l.replace(/['\\]/g, (c) => `\\${c}`)}'`;

// The date as text: pg reads a `date` as local midnight, and the page shows the calendar day.
export const RESULT_COLUMNS = Prisma.sql`p.speaker, p.start, p."end", p.text, d.id AS doc_id, d.slug, d.title, d.kind, d."primary", d.date::text AS date_text, d.reliability_note`;
/** A row of RESULT_COLUMNS: the passage's own fields as ResultRow has them, its document's flat. */
export type ResultSqlRow = Omit<ResultRow, "document"> & {
  doc_id: string;
  slug: string;
  title: string;
  kind: SourceKind;
  primary: boolean;
  date_text: string | null;
  reliability_note: string;
};

export const toResultRow = (r: ResultSqlRow): ResultRow => ({
  id: r.id,
  ordinal: r.ordinal,
  speaker: r.speaker,
  start: r.start,
  end: r.end,
  text: r.text,
  document: {
    id: r.doc_id,
    slug: r.slug,
    title: r.title,
    kind: r.kind,
    primary: r.primary,
    date: r.date_text === null ? null : new Date(`${r.date_text}T00:00:00Z`),
    reliabilityNote: r.reliability_note,
  },
});

/**
 * The rows a page of results shows, by passage id: those the ranking brought along, and the
 * rest (fuzzy matches) read in one statement (Prisma's nested select would take two).
 */
export async function loadResultRows(ranked: RankedRow[]): Promise<Map<string, ResultRow>> {
  const byId = new Map(ranked.flatMap((r) => (r.row ? [[r.id, r.row] as const] : [])));
  const missing = ranked.filter((r) => !r.row).map((r) => r.id);
  if (missing.length === 0) return byId;
  const rows = await run<ResultSqlRow>(Prisma.sql`
    SELECT p.id, p.ordinal, ${RESULT_COLUMNS}
    FROM passages p JOIN source_documents d ON d.id = p.document_id
    WHERE p.id = ANY(${missing}::text[])`);
  for (const r of rows) byId.set(r.id, toResultRow(r));
  return byId;
}

/** Distinct speakers, for the speaker filter. */
export async function listSpeakers(): Promise<string[]> {
  const rows = await run<{ speaker: string }>(Prisma.sql`
    SELECT DISTINCT speaker FROM passages WHERE speaker IS NOT NULL ORDER BY speaker LIMIT 500`);
  return rows.map((r) => r.speaker);
}
