import "server-only";
import type { SourceKind } from "@/lib/generated/prisma/client";
import { buildSnippet, type MatchKind, type Snippet } from "@/lib/text/search/search-highlight";
import type { Tier } from "@/lib/services/search/search-sql";

export type SearchResult = {
  passageId: string;
  ordinal: number;
  speaker: string | null;
  start: number;
  end: number;
  match: MatchKind;
  score: number;
  snippet: Snippet;
  document: {
    id: string;
    slug: string;
    title: string;
    kind: SourceKind;
    primary: boolean;
    date: string | null;
    reliabilityNote: string;
  };
  /** Stable link to the passage in its document. */
  href: string;
};

export const MATCH_BY_TIER: Record<Tier, MatchKind> = { 3: "exact", 2: "stemmed", 1: "fuzzy" };

/**
 * Stable across re-splits: by passage id; `passage=` picks the reader's window holding it, and
 * `q=` (from a search) marks the matched words in it.
 */
export const passageHref = (slug: string, passageId: string, query?: string) =>
  `/sources/${encodeURIComponent(slug)}?passage=${passageId}${query ? `&q=${encodeURIComponent(query)}` : ""}#passage-${passageId}`;

export const RESULT_SELECT = {
  id: true,
  ordinal: true,
  speaker: true,
  start: true,
  end: true,
  text: true,
  document: {
    select: { id: true, slug: true, title: true, kind: true, primary: true, date: true, reliabilityNote: true },
  },
} as const;

export type ResultRow = {
  id: string;
  ordinal: number;
  speaker: string | null;
  start: number;
  end: number;
  text: string;
  document: {
    id: string;
    slug: string;
    title: string;
    kind: SourceKind;
    primary: boolean;
    date: Date | null;
    reliabilityNote: string;
  };
};

export function presentSearchResult(row: ResultRow, query: string, tier: Tier, score: number): SearchResult {
  const match = MATCH_BY_TIER[tier];
  return {
    passageId: row.id,
    ordinal: row.ordinal,
    speaker: row.speaker,
    start: row.start,
    end: row.end,
    match,
    score,
    snippet: buildSnippet(row.text, query, match),
    document: { ...row.document, date: row.document.date?.toISOString().slice(0, 10) ?? null },
    href: passageHref(row.document.slug, row.id, query),
  };
}
