import "server-only";
// Passages similar to a phrase rather than holding it: the near copies found beside an exact
// match (search-sql.ts), and the one check both they and the fuzzy tier's candidates
// (search-fuzzy.ts) pass, character-level similarity over the whole phrase
// (docs/decisions/0010 and 0011).
import { Prisma } from "@/lib/generated/prisma/client";
import type { TSearchFilters } from "@/lib/schemas/sources";
import {
  documentFilterSql,
  matchesAnySql,
  passageFilterSql,
  RESULT_COLUMNS,
  toResultRow,
  tsquerySql,
  type ResultSqlRow,
} from "@/lib/services/search/search-db";
import type { RankedRow } from "@/lib/services/search/search-sql";
import { wordShare, type Frequencies } from "@/lib/services/search/search-statistics";
import { ENGLISH_STOP_WORDS, phraseSimilarity } from "@/lib/text/search/search-phrase";

/** Shorter search forms share too few characters with anything for similarity to mean much. */
export const MIN_FUZZY_CHARS = 4;

/** Passages checked for similarity at most, per search: a few milliseconds of work. */
export const MAX_FUZZY_CANDIDATES = 200;

/** Content words of the phrase paired, at most this many of them (15 pairs). */
const NEAR_WORDS = 6;

/**
 * Pairs of the phrase's first NEAR_WORDS content words, each as a phrase of two words at their
 * distance in the phrase ("good idea" → 'good' <-> 'idea'; "believe this is a good" →
 * 'believ' <4> 'good'): a passage holding the phrase with some words damaged still holds its
 * intact words at those distances. The words between become "the", which phraseto_tsquery counts
 * as a position and drops. Pairs of two common words are left out: checking their positions in
 * the thousands of passages holding both would cost more than the rest of the search.
 */
function nearPairs(form: string, { lexemes, common: commonAbove }: Frequencies): string[] {
  const words = form.split(" ");
  const content = words.flatMap((w, i) => (w !== "" && !ENGLISH_STOP_WORDS.has(w) ? [i] : [])).slice(0, NEAR_WORDS);
  const common = new Set(content.filter((i) => wordShare(words[i]!, lexemes) > commonAbove));
  return content.flatMap((i, n) =>
    content
      .slice(n + 1)
      .filter((j) => !(common.has(i) && common.has(j)))
      .map((j) => [words[i], ...Array<string>(j - i - 1).fill("the"), words[j]].join(" ")),
  );
}

/**
 * The near tier of the first tiers' statement, in two parts for it to place: `cte`, the passages
 * holding two of the phrase's words at their distance in it (nearPairs) but not all its words,
 * found by the index alone and read once (see tierSql); and `branch`, a UNION ALL of the first
 * MAX_FUZZY_CANDIDATES of them by id with their rows, which runs (and so computes `cte`) only when
 * the statement's `exact` CTE found the phrase and `exact` and `stemmed` leave room on the page.
 * Null when no pair is left.
 */
export function nearCopiesSql({
  form,
  filters,
  frequencies,
  limit,
}: {
  form: string;
  filters: TSearchFilters & { documentIds?: string[] };
  frequencies: Frequencies;
  limit: number;
}): { cte: Prisma.Sql; branch: Prisma.Sql } | null {
  const pairs = nearPairs(form, frequencies);
  if (pairs.length === 0) return null;
  return {
    cte: Prisma.sql`,
    near AS MATERIALIZED (
      SELECT p.id, p.document_id FROM passages p
      WHERE ${matchesAnySql("phrase", pairs)} AND NOT (p.tsv @@ ${tsquerySql("plain", form)})
        ${passageFilterSql(filters)})`,
    branch: Prisma.sql`
    UNION ALL (
      SELECT p.id, 1 AS tier, 0 AS runs, 0::float8 AS score, d.date, p.document_id, p.ordinal, p.search_text,
        ${RESULT_COLUMNS}
      FROM (SELECT n.id FROM near n JOIN source_documents d ON d.id = n.document_id
            WHERE TRUE ${documentFilterSql(filters)}
              AND EXISTS (SELECT 1 FROM exact)
              AND (SELECT count(*) FROM exact) + (SELECT count(*) FROM stemmed) < ${limit}
            ORDER BY n.id
            LIMIT ${MAX_FUZZY_CANDIDATES}) n
      JOIN passages p ON p.id = n.id JOIN source_documents d ON d.id = p.document_id)`,
  };
}

/**
 * The candidates the phrase is similar enough to some stretch of (phraseSimilarity: up to a third
 * of its characters wrong), most similar first, ties in the candidates' order, at most `room`, as
 * similar (tier 1) results scored by their similarity.
 */
export function keepSimilar(
  form: string,
  candidates: (ResultSqlRow & { search_text: string | null })[],
  room: number,
): RankedRow[] {
  return candidates
    .flatMap((candidate, i) => {
      const match = phraseSimilarity(form, candidate.search_text!);
      return match ? [{ candidate, similarity: match.similarity, i }] : [];
    })
    .sort((a, b) => b.similarity - a.similarity || a.i - b.i)
    .slice(0, room)
    .map(({ candidate, similarity }) => ({
      id: candidate.id,
      tier: 1 as const,
      score: similarity,
      row: toResultRow(candidate),
    }));
}
