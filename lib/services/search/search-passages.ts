import "server-only";
import { readFromReplica } from "@/lib/db";
import { timeSearch } from "@/lib/observability/metrics";
import { authorize, type Actor } from "@/lib/auth/policies";
import { ZSearchRequest, type TSearchFilters, type TSearchRequest } from "@/lib/schemas/sources";
import { presentSearchResult, type SearchResult } from "@/lib/services/search/present-search-result";
import { loadResultRows } from "@/lib/services/search/search-db";
import { rankFuzzy } from "@/lib/services/search/search-fuzzy";
import { rankExactAndStemmed, type RankedRow } from "@/lib/services/search/search-sql";
import { queryLexemes } from "@/lib/services/search/search-statistics";
import { searchForm } from "@/lib/text/search/search-normalise";

export type SearchPage = { query: string; results: SearchResult[]; page: number; pageSize: number; hasMore: boolean };

const QUOTED = /^["“”„«»'‘’](.*)["“”„«»'‘’]$/su;

/**
 * Tiers, best first: the exact phrase, then all its words in any form, then — only when those
 * do not fill the page — passages similar through OCR noise. Tiers never overlap (each excludes
 * the ones above), so page n needs only the first n pages of each. Beside an exact match, the
 * similar passages are those holding two of its words at their distance in the phrase, found in
 * the same statement; when no passage holds the phrase word for word, the fuzzy tier looks
 * harder, through damaged forms of its words. A query in quotation marks asks for the exact
 * phrase alone.
 */
export async function rankPassages(
  query: string,
  filters: TSearchFilters & { documentIds?: string[] },
  needed: number,
): Promise<{ rows: RankedRow[]; exactOnly: boolean; form: string }> {
  const quoted = QUOTED.exec(query);
  const exactOnly = Boolean(quoted);
  const form = searchForm(quoted ? quoted[1]! : query);
  if (form === "") return { rows: [], exactOnly, form };
  const rows = await rankExactAndStemmed({ form, exactOnly, filters, limit: needed, near: true });
  // No passage holds the phrase word for word: look harder, through damaged forms of its words.
  if (!exactOnly && rows.length < needed && !rows.some((r) => r.tier === 3)) {
    rows.push(
      ...(await rankFuzzy({
        form,
        exactOnly,
        filters,
        lexemes: await queryLexemes(form),
        limit: needed - rows.length,
        broad: true,
        // Beyond the words in their places only when nothing at all matched yet.
        thorough: rows.length === 0,
      })),
    );
  }
  return { rows, exactOnly, form };
}

/** Passages across all sources (or one), for anyone in the newsroom, reviewers included. */
export async function searchPassages({
  actor,
  input,
}: {
  actor: Actor | null;
  input: TSearchRequest;
}): Promise<SearchPage> {
  // Sources are newsroom material (sourceWhereForUser gives the newsroom every document), so the
  // raw SQL needs no row scope beyond this check.
  authorize(actor, "workbench:read");
  const { q, page, pageSize, ...filters } = ZSearchRequest.parse(input);
  return timeSearch(() => readFromReplica(() => searchPage(q, page, pageSize, filters)));
}

async function searchPage(q: string, page: number, pageSize: number, filters: TSearchFilters): Promise<SearchPage> {
  const offset = (page - 1) * pageSize;
  const { rows, exactOnly } = await rankPassages(q, filters, offset + pageSize + 1);
  const pageRows = rows.slice(offset, offset + pageSize);
  const byId = await loadResultRows(pageRows);
  const shownQuery = exactOnly ? q.slice(1, -1) : q;
  const results = pageRows.flatMap((r) => {
    const row = byId.get(r.id);
    return row ? [presentSearchResult(row, shownQuery, r.tier, r.score)] : [];
  });
  return { query: q, results, page, pageSize, hasMore: rows.length > offset + pageSize };
}
