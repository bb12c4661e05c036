import "server-only";
// Every raw SQL statement of passage search, parameterised through Prisma.sql. Prisma cannot
// express tsvector matching, ts_rank_cd or edit distance, so they live here and nowhere else.
// Indexes (docs/decisions/0006-search-tiers-and-trigrams.md): passages_tsv_idx (GIN on the
// generated tsvector, init migration), passages_stopword_ngrams_idx (GIN on the runs of stop
// words) and search_lexemes with search_lexeme_deletions (migration 20261128190000).
import { prisma } from "@/lib/db";
import { Prisma, type SourceKind } from "@/lib/generated/prisma/client";
import type { ResultRow } from "@/lib/services/search/present-search-result";
import type { TSearchFilters } from "@/lib/schemas/sources";
import {
  contentWords,
  deletionForms,
  damagedStopWordTriples,
  phraseSimilarity,
  stopWordPhraseQuery,
} from "@/lib/text/search/search-phrase";

/** 3 = the exact words in order, 2 = all words in some form (stemmed), 1 = similar (fuzzy). */
export type Tier = 1 | 2 | 3;
/** `row`: the passage as a result shows it, when the ranking statement brought it along. */
export type RankedRow = { id: string; tier: Tier; score: number; row?: ResultRow };

/** Shorter search forms share too few characters with anything for similarity to mean much. */
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

/**
 * The whole phrase, word for word: padding with spaces checks word edges. strpos rather than
 * LIKE: the planner estimates a LIKE '%…%' to keep one row in millions and then joins the
 * documents by a nested loop over thousands of rows; strpos gets its default estimate.
 */
const paddedSql = (form: string) => Prisma.sql`strpos(' ' || p.search_text || ' ', ${` ${form} `}) > 0`;

/**
 * Index conditions every passage holding the exact phrase meets, for the planner to combine:
 * the phrase's lexemes in order (phraseto_tsquery on the tsvector), and its runs of stop words
 * (the stop-word n-gram index), which the tsvector cannot see. A phrase of stop words only
 * ("he and of an a as", or "before" alone) has only the second; runs of three are far more
 * selective than pairs or single stop words, so a phrase with content words uses the n-grams
 * only when it has a run of three.
 */
function exactCandidatesSql(form: string, lexemes: readonly string[]): Prisma.Sql {
  // `lexemes` only says whether there are any: the content words stand in for them.
  const parts: Prisma.Sql[] = [];
  if (lexemes.length > 0) parts.push(Prisma.sql`p.tsv @@ phraseto_tsquery('english', ${form})`);
  const stop = stopWordPhraseQuery(form);
  if (stop && (lexemes.length === 0 || stop.n === 3))
    parts.push(Prisma.sql`search_stopword_ngrams(p.search_text) @@ ${stop.tsquery}::tsquery`);
  // Every search form has a lexeme or a stop word; TRUE only guards against surprises.
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

export type RankQuery = {
  form: string;
  exactOnly: boolean;
  filters: TSearchFilters & { documentIds?: string[] };
  limit: number;
  /** The query's lexemes, rarest first (queryLexemes). */
  lexemes: string[];
  /** True when no passage holds the phrase word for word: then look harder (see rankFuzzy). */
  broad?: boolean;
};

type RowWithOrder = RankedRow & { date: Date | null; document_id: string; ordinal: number };

/**
 * Exact and stemmed matches, best first: the exact phrase above stemmed, then ts_rank_cd, then
 * the newest document. One statement, two parts: the exact phrase through exactCandidatesSql,
 * then — only when those do not fill `limit` — every passage with all the lexemes that is not
 * among them. So a common word that fills the page with exact matches is never ranked twice.
 */
export async function rankExactAndStemmed({
  form,
  exactOnly,
  filters,
  limit,
}: Omit<RankQuery, "lexemes">): Promise<RankedRow[]> {
  // Every word but a stop word gives a lexeme, so this needs no round trip to know.
  const lexemes = contentWords(form);
  // A query of stop words only has no lexeme to rank by (and plainto_tsquery would warn).
  const score =
    lexemes.length > 0
      ? Prisma.sql`ts_rank_cd(p.tsv, plainto_tsquery('english', ${form}))::float8`
      : Prisma.sql`0::float8`;
  const exact = Prisma.sql`
    SELECT p.id, 3 AS tier, ${score} AS score, d.date, p.document_id, p.ordinal
    FROM passages p JOIN source_documents d ON d.id = p.document_id
    WHERE ${exactCandidatesSql(form, lexemes)} AND ${paddedSql(form)} ${filterSql(filters)}
    ORDER BY score DESC, d.date DESC NULLS LAST, p.document_id, p.ordinal
    LIMIT ${limit}`;
  const stemmed =
    exactOnly || lexemes.length === 0
      ? Prisma.empty
      : Prisma.sql`
    UNION ALL (
      SELECT p.id, 2 AS tier, ${score} AS score, d.date, p.document_id, p.ordinal
      FROM passages p JOIN source_documents d ON d.id = p.document_id
      WHERE p.tsv @@ plainto_tsquery('english', ${form}) AND p.id NOT IN (SELECT id FROM exact) ${filterSql(filters)}
        AND (SELECT count(*) FROM exact) < ${limit}
      ORDER BY score DESC, d.date DESC NULLS LAST, p.document_id, p.ordinal
      LIMIT ${limit})`;
  // The page's rows come along (one round trip fewer for the results page).
  const rows = await prisma.$queryRaw<(RowWithOrder & ResultSqlRow)[]>(Prisma.sql`
    WITH exact AS MATERIALIZED (${exact}),
    ranked AS (
      SELECT id, tier, score, date, document_id, ordinal FROM exact ${stemmed}
      ORDER BY tier DESC, score DESC, date DESC NULLS LAST, document_id, ordinal
      LIMIT ${limit})
    SELECT r.id, r.tier, r.score, r.date, r.document_id, r.ordinal, ${RESULT_COLUMNS}
    FROM ranked r JOIN passages p ON p.id = r.id JOIN source_documents d ON d.id = p.document_id
    ORDER BY r.tier DESC, r.score DESC, r.date DESC NULLS LAST, r.document_id, r.ordinal`);
  return rows.map((r) => ({ id: r.id, tier: r.tier, score: Number(r.score), row: toResultRow(r) }));
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
    .$queryRaw<{ elem: string; freq: number }[]>(
      Prisma.sql`
      SELECT e.elem, e.freq::float8 AS freq
      FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(elem, freq)
      WHERE s.schemaname = current_schema() AND s.tablename = 'passages' AND s.attname = 'tsv' AND e.elem IS NOT NULL`,
    )
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
/** One query word in any of its forms: "('good' | 'go6d')". */
const anyForm = (forms: string[]) => `(${forms.map(quoteLexeme).join(" | ")})`;
/** Passages holding any two of the groups: "(a & b) | (a & c) | (b & c)". */
const anyTwoOf = (groups: string[]) => groups.flatMap((a, i) => groups.slice(i + 1).map((b) => `(${a} & ${b})`));

/** How many edits a lexeme's OCR-damaged form may differ by: "good" → "go6d" 1, "idea" → "aea" 2. */
export const maxEditsFor = (lexeme: string) => (lexeme.length <= 2 ? 0 : lexeme.length === 3 ? 1 : 2);

/**
 * For each lexeme, the library's lexemes within maxEditsFor of it, closest first, at most
 * MAX_DAMAGED_FORMS — the damaged forms OCR left ("go6d" for "good", "aea" for "idea"), or, for a
 * damaged query, the intact word — leaving out the query's own lexemes and common ones two
 * edits away (those are other words, not damage, and would bring half the library). One b-tree
 * lookup of the words' deletion forms (search_lexeme_deletions), then the edit distance on the
 * few lexemes that share one.
 */
async function damagedForms(lexemes: string[]): Promise<Map<string, string[]>> {
  const forms = new Map<string, string[]>(lexemes.map((l) => [l, []]));
  const words = lexemes.filter((l) => maxEditsFor(l) > 0);
  if (words.length === 0) return forms;
  const keys = [...new Set(words.flatMap((w) => deletionForms(w, maxEditsFor(w))))];
  const [frequencies, rows] = await Promise.all([
    lexemeFrequencies(),
    prisma.$queryRaw<{ word: string; lexeme: string; edits: number }[]>(Prisma.sql`
      SELECT DISTINCT q.word, v.lexeme, levenshtein_less_equal(v.lexeme, q.word, q.edits) AS edits
      FROM search_lexeme_deletions v, unnest(${words}::text[], ${words.map(maxEditsFor)}::int[]) AS q(word, edits)
      WHERE v.deletion = ANY(${keys}::text[])
        AND levenshtein_less_equal(v.lexeme, q.word, q.edits) <= q.edits
        AND v.lexeme <> ALL(${lexemes}::text[])
      ORDER BY q.word, edits, v.lexeme`),
  ]);
  for (const r of rows) {
    const list = forms.get(r.word)!;
    // One edit from a damaged query word is the word meant, however common ("tlme" → "time").
    if (list.length < MAX_DAMAGED_FORMS && (r.edits <= 1 || (frequencies.get(r.lexeme) ?? 0) <= COMMON_LEXEME_SHARE))
      list.push(r.lexeme);
  }
  return forms;
}

/**
 * Similar passages that neither the phrase nor the stemmed words found, most similar first.
 *
 * Each of the query's five rarest lexemes stands for itself and, when no passage holds the
 * phrase word for word (`broad`), its damaged forms (damagedForms). Candidates, from the
 * tsvector index, are the passages holding two of these words in some form; and when that
 * gives nothing and `broad`, those holding one of them (only its damaged forms when the word
 * itself is common) or a run of three stop words the phrase may have held before OCR damaged
 * one of them ("te" for "the") next to one of them. At most
 * MAX_FUZZY_CANDIDATES are checked, in a defined order: most of the words' forms held first
 * (ts_rank), then by id. Each is scored by character-level similarity over the whole phrase
 * (phraseSimilarity: up to a third of its characters wrong), so a phrase whose every word is
 * damaged ("good idea" in "go6d aea") is found, and a passage that only shares words is not.
 */
export async function rankFuzzy({ form, filters, limit, lexemes, broad = false }: RankQuery): Promise<RankedRow[]> {
  if (form.length < MIN_FUZZY_CHARS || limit <= 0) return [];
  // Only stop words ("it is no"): nothing distinctive to look for; the exact tier finds those.
  const rarest = lexemes.slice(0, 5);
  if (rarest.length === 0) return [];
  // Damaged forms only when the phrase itself is nowhere: beside an exact match, they are noise.
  const [damaged, frequencies] = await Promise.all([
    broad ? damagedForms(rarest) : new Map(rarest.map((l) => [l, []])),
    lexemeFrequencies(),
  ]);
  const groups = rarest.map((l) => anyForm([l, ...damaged.get(l)!]));
  const wanted = [...rarest, ...rarest.flatMap((l) => damaged.get(l)!)];
  const rows = groups.length >= 2 ? await similarPassages(form, filters, limit, anyTwoOf(groups), wanted) : [];
  if (rows.length > 0 || !(broad || groups.length === 1)) return rows;
  const distinctive = rarest.flatMap((l, i) => [
    ...(i === 0 || (frequencies.get(l) ?? 0) <= COMMON_LEXEME_SHARE ? [l] : []),
    ...damaged.get(l)!,
  ]);
  // OCR also damages stop words ("te" for "the"), which have no lexeme to repair: passages
  // holding one of the runs of three stop words the phrase may have been (damagedStopWordTriples)
  // next to one of its other words in some form.
  const triples = damagedStopWordTriples(form);
  const alongside =
    triples.length > 0 ? { tsquery: triples.map(quoteLexeme).join(" | "), anyOf: groups.join(" | ") } : undefined;
  return similarPassages(form, filters, limit, distinctive.map(quoteLexeme), wanted, alongside);
}

/**
 * Candidates matching any of `clauses` (tsquery text) and not the stemmed words, at most
 * MAX_FUZZY_CANDIDATES in a defined order — most of `wanted` held first (ts_rank), then by id —
 * each kept if the phrase is similar enough to some stretch of it, most similar first.
 */
async function similarPassages(
  form: string,
  filters: RankQuery["filters"],
  limit: number,
  clauses: string[],
  wanted: string[],
  alongside?: { tsquery: string; anyOf: string },
): Promise<RankedRow[]> {
  if (clauses.length === 0 && !alongside) return [];
  const byLexemes = clauses.length > 0 ? Prisma.sql`p.tsv @@ ${clauses.join(" | ")}::tsquery` : Prisma.sql`FALSE`;
  const byStopWords = alongside
    ? Prisma.sql`OR (search_stopword_ngrams(p.search_text) @@ ${alongside.tsquery}::tsquery AND p.tsv @@ ${alongside.anyOf}::tsquery)`
    : Prisma.empty;
  const candidates = await prisma.$queryRaw<{ id: string; search_text: string }[]>(Prisma.sql`
    SELECT p.id, p.search_text
    FROM passages p JOIN source_documents d ON d.id = p.document_id
    WHERE (${byLexemes} ${byStopWords})
      AND NOT (p.tsv @@ plainto_tsquery('english', ${form}))
      ${filterSql(filters)}
    ORDER BY ts_rank(p.tsv, ${wanted.map(quoteLexeme).join(" | ")}::tsquery) DESC, p.id
    LIMIT ${MAX_FUZZY_CANDIDATES}`);
  return candidates
    .flatMap((c, i) => {
      const match = phraseSimilarity(form, c.search_text);
      return match ? [{ id: c.id, tier: 1 as const, score: match.similarity, i }] : [];
    })
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, limit)
    .map(({ id, tier, score }) => ({ id, tier, score }));
}

/** Passages checked for similarity at most, per search: a few milliseconds of work. */
export const MAX_FUZZY_CANDIDATES = 200;
/** Damaged forms of one word looked for at most, closest first. */
const MAX_DAMAGED_FORMS = 8;
/** A lexeme in more than this share of passages is too common to look for alone. */
const COMMON_LEXEME_SHARE = 0.005;

const RESULT_COLUMNS = Prisma.sql`p.speaker, p.start, p."end", p.text, d.id AS doc_id, d.slug, d.title, d.kind, d."primary", d.reliability_note`;
type ResultSqlRow = {
  id: string;
  ordinal: number;
  speaker: string | null;
  start: number;
  end: number;
  text: string;
  doc_id: string;
  slug: string;
  title: string;
  kind: SourceKind;
  primary: boolean;
  date: Date | null;
  reliability_note: string;
};

const toResultRow = (r: ResultSqlRow): ResultRow => ({
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
    date: r.date,
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
  const rows = await prisma.$queryRaw<ResultSqlRow[]>(Prisma.sql`
    SELECT p.id, p.ordinal, d.date, ${RESULT_COLUMNS}
    FROM passages p JOIN source_documents d ON d.id = p.document_id
    WHERE p.id = ANY(${missing}::text[])`);
  for (const r of rows) byId.set(r.id, toResultRow(r));
  return byId;
}

/** Distinct speakers, for the speaker filter. */
export async function listSpeakers(): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ speaker: string }[]>(Prisma.sql`
    SELECT DISTINCT speaker FROM passages WHERE speaker IS NOT NULL ORDER BY speaker LIMIT 500`);
  return rows.map((r) => r.speaker);
}
