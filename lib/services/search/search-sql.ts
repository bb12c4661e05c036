import "server-only";
// Every raw SQL statement of passage search, parameterised through Prisma.sql. Prisma cannot
// express tsvector matching, ts_rank_cd or edit distance, so they live here and nowhere else.
// Indexes (docs/decisions/0006-search-tiers-and-trigrams.md): passages_tsv_idx (GIN on the
// generated tsvector, init migration), passages_stopword_ngrams_idx (GIN on the runs of stop
// words) and search_lexemes with search_lexeme_deletions (migration 20261128190000).
import { createHash } from "node:crypto";
import { readPool } from "@/lib/db";
import { Prisma, type SourceKind } from "@/lib/generated/prisma/client";
import type { ResultRow } from "@/lib/services/search/present-search-result";
import type { TSearchFilters } from "@/lib/schemas/sources";
import {
  contentWords,
  deletionForms,
  ENGLISH_STOP_WORDS,
  phraseSimilarity,
  stopWordTriplesByPlace,
  stopWordNgrams,
  stopWordPhraseQuery,
} from "@/lib/text/search/search-phrase";

/** 3 = the exact words in order, 2 = all words in some form (stemmed), 1 = similar (fuzzy). */
export type Tier = 1 | 2 | 3;
/** `row`: the passage as a result shows it, when the ranking statement brought it along. */
export type RankedRow = { id: string; tier: Tier; score: number; row?: ResultRow };

/**
 * Runs one statement on the pool of the read context (the replica inside readFromReplica) through
 * `pg` itself: Prisma's query engine adds about 0.2 ms a statement, a tenth of a search
 * (docs/decisions/0010). The statement is still built and parameterised by Prisma.sql.
 *
 * Statements are prepared (named), so each connection parses a statement's text once, and after
 * five runs PostgreSQL may keep a generic plan instead of planning again: planning is most of a
 * simple search's time in the database. Searches of the same shape (number of words, filters)
 * share a text; the first MAX_PREPARED_SHAPES texts get names, later ones run unnamed, so no
 * connection holds more than that many.
 */
async function run<T>(sql: Prisma.Sql): Promise<T[]> {
  const result = await readPool().query({ name: statementName(sql.text), text: sql.text, values: sql.values });
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

/** A run of stop words in less than this share of passages is worth its index beside a word. */
const SELECTIVE_STOP_GRAM_SHARE = 0.05;

/**
 * Index conditions every passage holding the exact phrase meets, for the planner to combine:
 * the phrase's lexemes in order (phraseto_tsquery on the tsvector), and its runs of stop words
 * (the stop-word n-gram index), which the tsvector cannot see. A phrase of stop words only
 * ("he and of an a as", or "before" alone) has only the second. Beside words, runs of three are
 * far more selective than pairs, so they are always used; pairs only beside a single word, and
 * only when the statistics say they are not common ("how elly were of": "were of" narrows the
 * 5,000 passages holding "elly" to a few, where "of the" would narrow nothing).
 */
function exactCandidatesSql(form: string, lexemes: readonly string[], stopGrams: Map<string, number>): Prisma.Sql {
  // `lexemes` only says whether there are any: the content words stand in for them.
  const parts: Prisma.Sql[] = [];
  if (lexemes.length > 0) parts.push(Prisma.sql`p.tsv @@ phraseto_tsquery('english', ${form})`);
  const stop = stopWordPhraseQuery(form);
  const selectivePairs =
    stop?.n === 2 &&
    new Set(lexemes).size === 1 &&
    Math.min(...stop.grams.map((g) => stopGrams.get(g) ?? 0)) < SELECTIVE_STOP_GRAM_SHARE;
  if (stop && (lexemes.length === 0 || stop.n === 3 || selectivePairs))
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
  lexemes: QueryLexeme[];
  /** True when no passage holds the phrase word for word: then look harder (see rankFuzzy). */
  broad?: boolean;
  /**
   * With `broad`, whether to look beyond the words in their places when those find nothing:
   * worth its cost (a few passages in tens of milliseconds) only when nothing else matched.
   * Defaults to `broad`.
   */
  thorough?: boolean;
};

type RowWithOrder = RankedRow & { date: Date | null; document_id: string; ordinal: number };

/**
 * Whether matches are ranked by ts_rank_cd: only when the query has two words or more that give
 * lexemes. With one, cover density only counts how often a passage repeats the word, which says
 * little about which source a fact-checker wants, and ranking means reading every match (a word
 * in 5 % of passages is 5,000 rows at 100,000 passages); its matches come newest source first,
 * as everything else does after the rank (docs/decisions/0010).
 */
export const rankedByRelevance = (form: string) => new Set(contentWords(form)).size >= 2;

/** Content words of the phrase paired, at most this many of them (15 pairs). */
const NEAR_WORDS = 6;

/**
 * The share of passages holding a word, from the lexeme statistics, 0 when it is not among the
 * common ones. The word is not stemmed here, so its likely stems are looked up too ("sanctions"
 * as "sanction", "believed" as "believ", "agency" as "agenc"); a miss only makes a word count
 * as rare, which costs time, never a result.
 */
function wordShare(word: string, frequencies: Map<string, number>): number {
  const stems = [
    word,
    word.replace(/y$/, "i"),
    ...["s", "es", "ed", "d", "ing", "ly", "e", "y"].map((end) =>
      word.endsWith(end) ? word.slice(0, -end.length) : "",
    ),
  ];
  return Math.max(0, ...stems.map((stem) => frequencies.get(stem) ?? 0));
}

/**
 * Pairs of the phrase's first NEAR_WORDS content words, each as a phrase of two lexemes at their
 * distance in the phrase ("good idea" → 'good' <-> 'idea'; "believe this is a good" →
 * 'believ' <4> 'good'): a passage holding the phrase with some words damaged still holds its
 * intact words at those distances. The words between become "the", which phraseto_tsquery counts
 * as a position and drops. Pairs of two common words are left out: checking their positions in
 * the thousands of passages holding both would cost more than the rest of the search. Null when
 * no pair is left.
 */
function nearPairsSql(form: string, frequencies: Map<string, number>): Prisma.Sql | null {
  const words = form.split(" ");
  const content = words.flatMap((w, i) => (w !== "" && !ENGLISH_STOP_WORDS.has(w) ? [i] : [])).slice(0, NEAR_WORDS);
  const common = new Set(content.filter((i) => wordShare(words[i]!, frequencies) > COMMON_LEXEME_SHARE));
  const pairs = content.flatMap((i, n) =>
    content
      .slice(n + 1)
      .filter((j) => !(common.has(i) && common.has(j)))
      .map((j) => [words[i], ...Array<string>(j - i - 1).fill("the"), words[j]].join(" ")),
  );
  if (pairs.length === 0) return null;
  // One index condition per pair (a BitmapOr; see similarPassages).
  return Prisma.join(
    pairs.map((pair) => Prisma.sql`p.tsv @@ phraseto_tsquery('english', ${pair})`),
    " OR ",
  );
}

/**
 * The phrase's runs of two and three stop words that are not common (SELECTIVE_STOP_GRAM_SHARE,
 * from the statistics), as one tsquery on the stop-word n-gram index ("'was had' | 'had so was'"),
 * at most 8 of them; null when there is none.
 */
function selectiveStopRuns(form: string, stopGrams: Map<string, number>): string | null {
  const runs = stopWordNgrams(form)
    .filter((g) => g.includes(" ") && (stopGrams.get(g) ?? 0) < SELECTIVE_STOP_GRAM_SHARE)
    .slice(0, 8);
  return runs.length > 0 ? runs.map(quoteLexeme).join(" | ") : null;
}

/** A word in more than this share of passages has its first matches found newest source first. */
const SOURCE_ORDER_SHARE = 0.005;

/**
 * One tier's first `limit` passages meeting `where`, best first. Ranked tiers (and everything
 * with a speaker filter) read every match and sort them. An unranked tier over a common word
 * (more than SOURCE_ORDER_SHARE of passages, as `share` estimates it) walks the documents newest
 * first and stops at `limit` matches, instead of reading all of them (5,000 rows at 100,000
 * passages for a word in 5 %): the same rows in the same order, found in a thousandth of the
 * rows. The order is the same either way: date, newest first, then document and place in it.
 */
function tierSql({
  tier,
  runs = 0,
  where,
  score,
  ranked,
  filters,
  limit,
  share,
  walk,
}: {
  tier: Tier;
  /** 1 for stemmed matches that also hold the phrase's runs of stop words (they come first). */
  runs?: 0 | 1;
  where: Prisma.Sql;
  score: Prisma.Sql;
  ranked: boolean;
  filters: RankQuery["filters"];
  limit: number;
  share: number;
  /** Walk the documents (true) or read every match (false) whatever `share` says; tests compare the two. */
  walk?: boolean;
}): Prisma.Sql {
  if (!ranked && !filters.speaker && (walk ?? share > SOURCE_ORDER_SHARE)) {
    // Every filter but the speaker's is on the document, so it applies to the outer walk.
    return Prisma.sql`
      SELECT x.id, ${Prisma.raw(String(tier))} AS tier, ${Prisma.raw(String(runs))} AS runs, 0::float8 AS score,
        d.date, d.id AS document_id, x.ordinal
      FROM (SELECT d.id, d.date FROM source_documents d WHERE TRUE ${filterSql(filters)}
            ORDER BY d.date DESC NULLS LAST, d.id) d
      CROSS JOIN LATERAL (
        SELECT p.id, p.ordinal FROM passages p WHERE p.document_id = d.id AND ${where} ORDER BY p.ordinal) x
      ORDER BY d.date DESC NULLS LAST, d.id, x.ordinal
      LIMIT ${limit}`;
  }
  return Prisma.sql`
    SELECT p.id, ${Prisma.raw(String(tier))} AS tier, ${Prisma.raw(String(runs))} AS runs, ${score} AS score,
      d.date, p.document_id, p.ordinal
    FROM passages p JOIN source_documents d ON d.id = p.document_id
    WHERE ${where} ${filterSql(filters)}
    ORDER BY ${ranked ? Prisma.sql`score DESC,` : Prisma.empty} d.date DESC NULLS LAST, p.document_id, p.ordinal
    LIMIT ${limit}`;
}

/**
 * Exact and stemmed matches, best first: the exact phrase above stemmed, then ts_rank_cd (for two
 * words or more, rankedByRelevance), then the newest document. One statement, three parts: the
 * exact phrase through exactCandidatesSql; then — only when those do not fill `limit` — every
 * passage with all the lexemes that is not among them; then, with `near` and only when the
 * phrase was found word for word but the page is still not full, the passages holding two of its
 * words at their distance in the phrase (nearPairsSql) that hold not all of them, each kept if
 * the phrase is similar enough to some stretch of it (a copy of the phrase with OCR damage in
 * another source). A common word that fills the page with exact matches is never ranked twice,
 * and the page's rows come along: a search the first tiers answer is one round trip.
 */
export async function rankExactAndStemmed({
  form,
  exactOnly,
  filters,
  limit,
  near = false,
  walk,
}: Omit<RankQuery, "lexemes"> & {
  near?: boolean;
  /** How an unranked tier finds its first matches (tierSql); by default from the statistics. */
  walk?: boolean;
}): Promise<RankedRow[]> {
  // Every word but a stop word gives a lexeme, so this needs no round trip to know.
  const lexemes = contentWords(form);
  const ranked = rankedByRelevance(form);
  const frequencies = await statistics();
  const score = ranked
    ? Prisma.sql`ts_rank_cd(p.tsv, plainto_tsquery('english', ${form}))::float8`
    : Prisma.sql`0::float8`;
  const exactWhere = Prisma.sql`${exactCandidatesSql(form, lexemes, frequencies.stopGrams)} AND ${paddedSql(form)}`;
  // One word alone: its own share of passages decides how to find its first matches.
  const exactShare = !form.includes(" ")
    ? ENGLISH_STOP_WORDS.has(form)
      ? (frequencies.stopGrams.get(form) ?? 0)
      : wordShare(form, frequencies.lexemes)
    : 0;
  const exact = tierSql({ tier: 3, where: exactWhere, score, ranked, filters, limit, share: exactShare, walk });
  const withStemmed = !exactOnly && lexemes.length > 0;
  const stemmedShare = new Set(lexemes).size === 1 ? wordShare(lexemes[0]!, frequencies.lexemes) : 0;
  const stemmedWhere = Prisma.sql`p.tsv @@ plainto_tsquery('english', ${form}) AND p.id NOT IN (SELECT id FROM exact)
        AND (SELECT count(*) FROM exact) < ${limit}`;
  // Stemmed matches that also hold some of the phrase's runs of stop words come first: in
  // "had so was had crra under" damaged to "had s was had crra under", "crra" is in thousands of
  // passages, but beside "was had" in a few.
  const runs = withStemmed ? selectiveStopRuns(form, frequencies.stopGrams) : null;
  const stemmed = !withStemmed
    ? Prisma.empty
    : runs
      ? Prisma.sql`
    , stemmed_runs AS MATERIALIZED (${tierSql({
      tier: 2,
      runs: 1,
      where: Prisma.sql`${stemmedWhere} AND search_stopword_ngrams(p.search_text) @@ ${runs}::tsquery`,
      score,
      ranked,
      filters,
      limit,
      share: 0,
    })}),
    stemmed AS MATERIALIZED (
      SELECT * FROM stemmed_runs
      UNION ALL (${tierSql({
        tier: 2,
        where: Prisma.sql`${stemmedWhere} AND p.id NOT IN (SELECT id FROM stemmed_runs)
          AND (SELECT count(*) FROM stemmed_runs) < ${limit}`,
        score,
        ranked,
        filters,
        limit,
        share: stemmedShare,
        walk,
      })}))`
      : Prisma.sql`
    , stemmed AS MATERIALIZED (${tierSql({ tier: 2, where: stemmedWhere, score, ranked, filters, limit, share: stemmedShare, walk })})`;
  const pairs =
    near && !exactOnly && form.length >= MIN_FUZZY_CHARS && new Set(lexemes).size >= 2
      ? nearPairsSql(form, frequencies.lexemes)
      : null;
  const nearSql = pairs
    ? Prisma.sql`
    UNION ALL (
      SELECT p.id, 1 AS tier, 0 AS runs, 0::float8 AS score, d.date, p.document_id, p.ordinal, p.search_text,
        ${RESULT_COLUMNS}
      FROM passages p JOIN source_documents d ON d.id = p.document_id
      WHERE (${pairs}) AND NOT (p.tsv @@ plainto_tsquery('english', ${form})) ${filterSql(filters)}
        AND EXISTS (SELECT 1 FROM exact)
        AND (SELECT count(*) FROM exact) + (SELECT count(*) FROM stemmed) < ${limit}
      ORDER BY p.id
      LIMIT ${MAX_FUZZY_CANDIDATES})`
    : Prisma.empty;
  const rows = await run<RowWithOrder & ResultSqlRow & { search_text: string | null }>(Prisma.sql`
    WITH exact AS MATERIALIZED (${exact}) ${stemmed},
    ranked AS (
      SELECT id, tier, runs, score, date, document_id, ordinal FROM exact
      ${withStemmed ? Prisma.sql`UNION ALL SELECT id, tier, runs, score, date, document_id, ordinal FROM stemmed` : Prisma.empty}
      ORDER BY tier DESC, runs DESC, score DESC, date DESC NULLS LAST, document_id, ordinal
      LIMIT ${limit})
    SELECT * FROM (
      SELECT r.id, r.tier, r.runs, r.score, r.date, r.document_id, r.ordinal, NULL AS search_text, ${RESULT_COLUMNS}
      FROM ranked r JOIN passages p ON p.id = r.id JOIN source_documents d ON d.id = p.document_id
      ${nearSql}) AS page
    ORDER BY tier DESC, runs DESC, score DESC, date DESC NULLS LAST, document_id, ordinal`);
  const first = rows.filter((r) => r.tier > 1);
  const similar = rows
    .filter((r) => r.tier === 1)
    .flatMap((r, i) => {
      const match = phraseSimilarity(form, r.search_text!);
      return match ? [{ r, i, score: match.similarity }] : [];
    })
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, limit - first.length);
  return [
    ...first.map((r) => ({ id: r.id, tier: r.tier, score: Number(r.score), row: toResultRow(r) })),
    ...similar.map(({ r, score }) => ({ id: r.id, tier: 1 as const, score, row: toResultRow(r) })),
  ];
}

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
type Frequencies = { lexemes: Map<string, number>; stopGrams: Map<string, number> };
let statsCache: { at: number; frequencies: Promise<Frequencies> } | null = null;

/**
 * The share of passages holding each common lexeme, and each common run of stop words, from the
 * planner's statistics (pg_stats.most_common_elems of the tsvector and of the stop-word n-gram
 * index's expression); what is not listed is rarer than anything listed.
 */
function statistics(): Promise<Frequencies> {
  if (statsCache && Date.now() - statsCache.at < STATS_TTL_MS) return statsCache.frequencies;
  const frequencies = run<{ stop: boolean; elem: string; freq: number }>(
    Prisma.sql`
      SELECT s.tablename <> 'passages' AS stop, e.elem, e.freq::float8 AS freq
      FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(elem, freq)
      WHERE s.schemaname = current_schema() AND e.elem IS NOT NULL
        AND ((s.tablename = 'passages' AND s.attname = 'tsv') OR s.tablename = 'passages_stopword_ngrams_idx')`,
  )
    .then((rows) => ({
      lexemes: new Map(rows.filter((r) => !r.stop).map((r) => [r.elem, Number(r.freq)])),
      stopGrams: new Map(rows.filter((r) => r.stop).map((r) => [r.elem, Number(r.freq)])),
    }))
    // Statistics only steer the choice of words and plans; without them every word counts as rare.
    .catch((error: unknown) => {
      console.error("passage search: could not read lexeme statistics", error);
      statsCache = null;
      return { lexemes: new Map<string, number>(), stopGrams: new Map<string, number>() };
    });
  statsCache = { at: Date.now(), frequencies };
  return frequencies;
}

const lexemeFrequencies = async () => (await statistics()).lexemes;

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
 * edits away (those are other words, not damage, and would bring half the library); and which
 * of the lexemes the library itself holds (`known`). One b-tree lookup of the words' deletion
 * forms (search_lexeme_deletions), then the edit distance on the few lexemes that share one.
 */
async function damagedForms(lexemes: string[]): Promise<{ forms: Map<string, string[]>; known: Set<string> }> {
  const forms = new Map<string, string[]>(lexemes.map((l) => [l, []]));
  const known = new Set<string>();
  // Every word, also those too short to repair (maxEditsFor 0): the lookup of the word itself
  // says whether the library holds it.
  const words = lexemes;
  if (words.length === 0) return { forms, known };
  const keys = [...new Set(words.flatMap((w) => deletionForms(w, maxEditsFor(w))))];
  const [frequencies, rows] = await Promise.all([
    lexemeFrequencies(),
    run<{ word: string; lexeme: string; edits: number }>(Prisma.sql`
      SELECT DISTINCT q.word, v.lexeme, levenshtein_less_equal(v.lexeme, q.word, q.edits) AS edits
      FROM search_lexeme_deletions v, unnest(${words}::text[], ${words.map(maxEditsFor)}::int[]) AS q(word, edits)
      WHERE v.deletion = ANY(${keys}::text[])
        AND levenshtein_less_equal(v.lexeme, q.word, q.edits) <= q.edits
        AND (v.lexeme <> ALL(${lexemes}::text[]) OR v.lexeme = q.word)
      ORDER BY q.word, edits, v.lexeme`),
  ]);
  for (const r of rows) {
    if (r.lexeme === r.word) {
      known.add(r.word);
      continue;
    }
    const list = forms.get(r.word)!;
    // One edit from a damaged query word is the word meant, however common ("tlme" → "time").
    if (
      r.edits <= 1
        ? list.length < MAX_ONE_EDIT_FORMS
        : list.length < MAX_DAMAGED_FORMS && (frequencies.get(r.lexeme) ?? 0) <= COMMON_LEXEME_SHARE
    )
      list.push(r.lexeme);
  }
  return { forms, known };
}

/**
 * Similar passages that neither the phrase nor the stemmed words found, most similar first.
 *
 * Each of the query's five rarest lexemes stands for itself and, when no passage holds the
 * phrase word for word (`broad`), its damaged forms (damagedForms). Candidates, from the
 * tsvector index, are first the passages holding the two rarest of these words in some form at
 * their distance in the phrase ("(good | go6d) <-> (idea | aea)": a copy of the phrase keeps its
 * words' places, whatever OCR did to their letters), then any two of them in place (words no
 * passage holds in any form are left out). Only when none of those is similar enough, and
 * `thorough` (nothing else matched), the passages holding two of them anywhere; then those holding
 * one of them or its damaged forms (none that is common) or runs of three stop words
 * the phrase may have held before OCR damaged one of them ("te" for "the") next to one of them. At most
 * MAX_FUZZY_CANDIDATES are checked each time, in a defined order: most of the words' forms held
 * first (ts_rank), then by id. Each is scored by character-level similarity over the whole phrase
 * (phraseSimilarity: up to a third of its characters wrong), so a phrase whose every word is
 * damaged ("good idea" in "go6d aea") is found, and a passage that only shares words is not.
 */
export async function rankFuzzy({
  form,
  filters,
  limit,
  lexemes,
  broad = false,
  thorough = broad,
}: RankQuery): Promise<RankedRow[]> {
  if (form.length < MIN_FUZZY_CHARS || limit <= 0) return [];
  // Only stop words ("it is no"): nothing distinctive to look for; the exact tier finds those.
  let rarest = lexemes.slice(0, 5);
  if (rarest.length === 0) return [];
  // Damaged forms only when the phrase itself is nowhere: beside an exact match, they are noise.
  const [found, frequencies] = await Promise.all([
    broad ? damagedForms(rarest.map((l) => l.lexeme)) : null,
    lexemeFrequencies(),
  ]);
  const damaged = found?.forms ?? new Map(rarest.map((l) => [l.lexeme, []]));
  // A word no passage holds in any form (an OCR-damaged stop word, "aout" for "about") cannot
  // help find one; it would only make a pair that nothing matches.
  if (found) {
    const live = rarest.filter((l) => found.known.has(l.lexeme) || damaged.get(l.lexeme)!.length > 0);
    if (live.length > 0) rarest = live;
  }
  const groups = rarest.map((l) => anyForm([l.lexeme, ...damaged.get(l.lexeme)!]));
  const wanted = [...rarest.map((l) => l.lexeme), ...rarest.flatMap((l) => damaged.get(l.lexeme)!)];
  if (groups.length >= 2) {
    // The two rarest words in place first: the index skips through the commoner one's passages.
    const pairs = inPlacePairs(rarest, groups);
    const rarestTwo = inPlacePairs(rarest.slice(0, 2), groups.slice(0, 2));
    const inPlace = await similarPassages(form, filters, limit, rarestTwo, wanted);
    if (inPlace.length > 0) return inPlace;
    if (pairs.length > rarestTwo.length) {
      const anyInPlace = await similarPassages(form, filters, limit, pairs, wanted);
      if (anyInPlace.length > 0) return anyInPlace;
    }
    if (broad && !thorough) return [];
    const anywhere = await similarPassages(form, filters, limit, anyTwoOf(groups), wanted);
    if (anywhere.length > 0 || !broad) return anywhere;
  }
  if (broad && !thorough) return [];
  // Alone, a common word (or form: "came" for "come") would bring tens of thousands of passages
  // to rank (2.5 s at 1,000,000 passages); it still counts beside a run of stop words below.
  const distinctive = rarest
    .flatMap((l) => [l.lexeme, ...damaged.get(l.lexeme)!])
    .filter((form) => (frequencies.get(form) ?? 0) <= COMMON_LEXEME_SHARE);
  // OCR also damages stop words ("te" for "the", "ater" for "after"), which have no lexeme to
  // repair, and the stop words it left intact still stand in their runs: passages holding runs of
  // three stop words the phrase may have held (stopWordTriplesByPlace) next to one of its words in
  // some form — first runs from two places of the phrase, then one — each its own statement, so
  // that the few passages holding the runs are not lost among thousands holding a word.
  const places = stopWordTriplesByPlace(form);
  const anyOf = groups.join(" | ");
  if (places.length >= 2) {
    const tsquery = anyTwoOf(places.map((runs) => `(${runs.map(quoteLexeme).join(" | ")})`)).join(" | ");
    const two = await similarPassages(form, filters, limit, [], wanted, { tsquery, anyOf });
    if (two.length > 0) return two;
  }
  const runs = [...new Set(places.flat())].slice(0, MAX_RUNS).map(quoteLexeme);
  if (runs.length > 0) {
    const one = await similarPassages(form, filters, limit, [], wanted, { tsquery: runs.join(" | "), anyOf });
    if (one.length > 0) return one;
  }
  // Last, the passages holding one of the words or forms anywhere.
  return similarPassages(form, filters, limit, distinctive.map(quoteLexeme), wanted);
}

/**
 * Each pair of the words (rarest lexemes, with their forms in `groups`) at their distance in the
 * phrase, in phrase order: "('good' | 'go6d') <1> ('idea' | 'aea')".
 */
function inPlacePairs(words: QueryLexeme[], groups: string[]): string[] {
  const placed = words
    .map((w, i) => ({ position: w.position, group: groups[i]! }))
    .sort((a, b) => a.position - b.position);
  return placed.flatMap((a, i) =>
    placed
      .slice(i + 1)
      .filter((b) => b.position > a.position)
      .map((b) => `(${a.group} <${b.position - a.position}> ${b.group})`),
  );
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
  // One index condition per clause (a BitmapOr): the index skips through each clause's commoner
  // words, where one tsquery of all the clauses ORed would visit every passage holding any word.
  const byLexemes =
    clauses.length > 0
      ? Prisma.join(
          clauses.map((c) => Prisma.sql`p.tsv @@ ${c}::tsquery`),
          " OR ",
        )
      : Prisma.sql`FALSE`;
  const byStopWords = alongside
    ? Prisma.sql`OR (search_stopword_ngrams(p.search_text) @@ ${alongside.tsquery}::tsquery AND p.tsv @@ ${alongside.anyOf}::tsquery)`
    : Prisma.empty;
  const candidates = await run<ResultSqlRow & { search_text: string }>(Prisma.sql`
    SELECT p.id, p.ordinal, p.search_text, ${RESULT_COLUMNS}
    FROM passages p JOIN source_documents d ON d.id = p.document_id
    WHERE (${byLexemes} ${byStopWords})
      AND NOT (p.tsv @@ plainto_tsquery('english', ${form}))
      ${filterSql(filters)}
    ORDER BY ts_rank(p.tsv, ${wanted.map(quoteLexeme).join(" | ")}::tsquery) DESC, p.id
    LIMIT ${MAX_FUZZY_CANDIDATES}`);
  return candidates
    .flatMap((c, i) => {
      const match = phraseSimilarity(form, c.search_text);
      return match ? [{ id: c.id, tier: 1 as const, score: match.similarity, i, row: toResultRow(c) }] : [];
    })
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, limit)
    .map(({ id, tier, score, row }) => ({ id, tier, score, row }));
}

/** Passages checked for similarity at most, per search: a few milliseconds of work. */
export const MAX_FUZZY_CANDIDATES = 200;
/**
 * Damaged forms of one word looked for at most, closest first: up to 16 one edit away (in a
 * library of a million passages a short word has a dozen neighbours one edit away, and which of
 * them OCR meant is not in their alphabetical order), and two edits away only while fewer than 8.
 */
const MAX_DAMAGED_FORMS = 8;
const MAX_ONE_EDIT_FORMS = 16;
/** Runs of stop words looked up beside a word at most. */
const MAX_RUNS = 60;
/** A lexeme in more than this share of passages is too common to look for alone. */
const COMMON_LEXEME_SHARE = 0.005;

// The date as text: pg reads a `date` as local midnight, and the page shows the calendar day.
const RESULT_COLUMNS = Prisma.sql`p.speaker, p.start, p."end", p.text, d.id AS doc_id, d.slug, d.title, d.kind, d."primary", d.date::text AS date_text, d.reliability_note`;
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
  date_text: string | null;
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
