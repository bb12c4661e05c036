import "server-only";
// The first tiers of passage search: the exact phrase, then its words in any form, and the near
// copies of a phrase found exactly elsewhere. Prisma cannot express tsvector matching, ts_rank_cd
// or edit distance, so search's raw SQL lives here and in its neighbours: search-near.ts (near
// copies and the similarity check), search-fuzzy.ts (OCR noise), search-statistics.ts (the
// planner's statistics) and search-db.ts (running statements, filters, the page's rows). Indexes
// (docs/decisions/0006, 0010 and 0013): passages_document_tsv_idx (GIN on the document and the
// generated tsvector, migration 20261129020000), passages_stopword_ngrams_idx (GIN on the runs of
// stop words) with search_lexemes and search_lexeme_deletions (migration 20261128190000), and
// passages_speaker_trgm_idx (migration 20261128200000).
import { Prisma } from "@/lib/generated/prisma/client";
import {
  documentFilterSql,
  passageFilterSql,
  quoteLexeme,
  RESULT_COLUMNS,
  run,
  toResultRow,
  tsquerySql,
  type ResultSqlRow,
} from "@/lib/services/search/search-db";
import { keepSimilar, MIN_FUZZY_CHARS, nearCopiesSql } from "@/lib/services/search/search-near";
import type { ResultRow } from "@/lib/services/search/present-search-result";
import { statistics, wordShare, type QueryLexeme } from "@/lib/services/search/search-statistics";
import type { TSearchFilters } from "@/lib/schemas/sources";
import { contentWords, ENGLISH_STOP_WORDS, stopWordNgrams, stopWordPhraseQuery } from "@/lib/text/search/search-phrase";

/** 3 = the exact words in order, 2 = all words in some form (stemmed), 1 = similar (fuzzy). */
export type Tier = 1 | 2 | 3;
/** `row`: the passage as a result shows it, when the ranking statement brought it along. */
export type RankedRow = { id: string; tier: Tier; score: number; row?: ResultRow };

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
  if (lexemes.length > 0) parts.push(Prisma.sql`p.tsv @@ ${tsquerySql("phrase", form)}`);
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
 * rows; each document's matches are one search of passages_document_tsv_idx
 * (docs/decisions/0013). The order is the same either way: date, newest first, then document and
 * place in it.
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
      FROM (SELECT d.id, d.date FROM source_documents d WHERE TRUE ${documentFilterSql(filters)}
            ORDER BY d.date DESC NULLS LAST, d.id) d
      CROSS JOIN LATERAL (
        SELECT p.id, p.ordinal FROM passages p WHERE p.document_id = d.id AND ${where} ORDER BY p.ordinal) x
      ORDER BY d.date DESC NULLS LAST, d.id, x.ordinal
      LIMIT ${limit}`;
  }
  // Every match first (a materialized CTE, read once), then the order. Search's statements keep
  // one generic plan, which does not know how rare the words are: unfenced, it may walk the
  // documents in date order checking every passage of each under the LIMIT, or scan the matches
  // again for each document a filter keeps.
  return Prisma.sql`
    WITH matches AS MATERIALIZED (
      SELECT p.id, p.document_id, p.ordinal, ${score} AS score FROM passages p
      WHERE ${where} ${passageFilterSql(filters)})
    SELECT p.id, ${Prisma.raw(String(tier))} AS tier, ${Prisma.raw(String(runs))} AS runs, p.score,
      d.date, p.document_id, p.ordinal
    FROM matches p JOIN source_documents d ON d.id = p.document_id
    WHERE TRUE ${documentFilterSql(filters)}
    ORDER BY ${ranked ? Prisma.sql`p.score DESC,` : Prisma.empty} d.date DESC NULLS LAST, p.document_id, p.ordinal
    LIMIT ${limit}`;
}

/**
 * Exact and stemmed matches, best first: the exact phrase above stemmed, then ts_rank_cd (for two
 * words or more, rankedByRelevance), then the newest document. One statement, three parts: the
 * exact phrase through exactCandidatesSql; then — only when those do not fill `limit` — every
 * passage with all the lexemes that is not among them; then, with `near` and only when the
 * phrase was found word for word but the page is still not full, the passages holding two of its
 * words at their distance in the phrase (nearCopiesSql) that hold not all of them, each kept if
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
  const score = ranked ? Prisma.sql`ts_rank_cd(p.tsv, ${tsquerySql("plain", form)})::float8` : Prisma.sql`0::float8`;
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
  const stemmedWhere = Prisma.sql`p.tsv @@ ${tsquerySql("plain", form)} AND p.id NOT IN (SELECT id FROM exact)
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
  const nearCopies =
    near && !exactOnly && form.length >= MIN_FUZZY_CHARS && new Set(lexemes).size >= 2
      ? nearCopiesSql({ form, filters, frequencies, limit })
      : null;
  const rows = await run<RowWithOrder & ResultSqlRow & { search_text: string | null }>(Prisma.sql`
    WITH exact AS MATERIALIZED (${exact}) ${stemmed} ${nearCopies?.cte ?? Prisma.empty},
    ranked AS (
      SELECT id, tier, runs, score, date, document_id, ordinal FROM exact
      ${withStemmed ? Prisma.sql`UNION ALL SELECT id, tier, runs, score, date, document_id, ordinal FROM stemmed` : Prisma.empty}
      ORDER BY tier DESC, runs DESC, score DESC, date DESC NULLS LAST, document_id, ordinal
      LIMIT ${limit})
    SELECT * FROM (
      SELECT r.id, r.tier, r.runs, r.score, r.date, r.document_id, r.ordinal, NULL AS search_text, ${RESULT_COLUMNS}
      FROM ranked r JOIN passages p ON p.id = r.id JOIN source_documents d ON d.id = p.document_id
      ${nearCopies?.branch ?? Prisma.empty}) AS page
    ORDER BY tier DESC, runs DESC, score DESC, date DESC NULLS LAST, document_id, ordinal`);
  const first = rows.filter((r) => r.tier > 1);
  return [
    ...first.map((r) => ({ id: r.id, tier: r.tier, score: Number(r.score), row: toResultRow(r) })),
    ...keepSimilar(
      form,
      rows.filter((r) => r.tier === 1),
      limit - first.length,
    ),
  ];
}
