import "server-only";
import { readFromReplica } from "@/lib/db";
import { timeSearch } from "@/lib/observability/metrics";
import { authorize, type Actor } from "@/lib/auth/policies";
import { ZSearchRequest, type TSearchFilters, type TSearchRequest } from "@/lib/schemas/sources";
import { presentSearchResult, type SearchResult } from "@/lib/services/search/present-search-result";
import {
  loadResultRows,
  queryLexemes,
  rankExactAndStemmed,
  rankFuzzy,
  type RankedRow,
} from "@/lib/services/search/search-sql";
import { searchForm } from "@/lib/text/search/search-normalise";

export type SearchPage = { query: string; results: SearchResult[]; page: number; pageSize: number; hasMore: boolean };

const QUOTED = /^["“”„«»'‘’](.*)["“”„«»'‘’]$/su;

/**
 * Tiers, best first: the exact phrase, then all its words in any form, then — only when those
 * do not fill the page — passages similar through OCR noise. Tiers never overlap (each excludes
 * the ones above), so page n needs only the first n pages of each. When no passage holds the
 * phrase word for word, the fuzzy tier also looks for damaged forms of its words. A query in
 * quotation marks asks for the exact phrase alone.
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
  // The fuzzy tier needs the lexemes, rarest first; read them while the first tiers run.
  const lexemes = exactOnly ? Promise.resolve([]) : queryLexemes(form);
  // Awaited below, or not needed: never an unhandled rejection.
  lexemes.catch(() => {});
  const rows = await rankExactAndStemmed({ form, exactOnly, filters, limit: needed });
  if (!exactOnly && rows.length < needed) {
    rows.push(
      ...(await rankFuzzy({
        form,
        exactOnly,
        filters,
        lexemes: await lexemes,
        limit: needed - rows.length,
        broad: !rows.some((r) => r.tier === 3),
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
