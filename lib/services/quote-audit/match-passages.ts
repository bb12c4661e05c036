import "server-only";
// The search half of the quote audit: the library's best passages for one quotation, each
// run through the quote check. Not a service of its own (no actor): audit-quotes.ts authorizes.
import { prisma } from "@/lib/db";
import type { SourceKind } from "@/lib/generated/prisma/client";
import { rankFuzzy } from "@/lib/services/search/search-fuzzy";
import { rankExactAndStemmed } from "@/lib/services/search/search-sql";
import { queryLexemes } from "@/lib/services/search/search-statistics";
import {
  compareQuote,
  prepareSource,
  type AlignmentStep,
  type PreparedSource,
  type QuoteCheckResult,
} from "@/lib/text/quotes/quote-check";
import { searchForm } from "@/lib/text/search/search-normalise";

export type PassageMatch = {
  passageId: string;
  documentId: string;
  documentTitle: string;
  documentSlug: string;
  documentKind: SourceKind;
  primary: boolean;
  passageSpeaker: string | null;
  result: QuoteCheckResult;
  similarity: number;
  /** The matched words in the passage: offsets (UTF-16 code units) into the passage's text. */
  spanStart: number | null;
  spanEnd: number | null;
  /** The matched words themselves, for the editor to read beside the article's. */
  spanText: string | null;
  notes: string[];
  /** The quote against the matched words, word by word (empty when nothing matched). */
  alignment: AlignmentStep[];
};

type LoadedPassage = {
  id: string;
  speaker: string | null;
  prepared: PreparedSource;
  document: { id: string; slug: string; title: string; kind: SourceKind; primary: boolean };
};

/** Passages asked of search per quotation; the quote check runs on the best CHECKED of them. */
export const CANDIDATES = 6;
export const CHECKED = 4;
const RANK: Record<QuoteCheckResult, number> = { verbatim: 0, minor_differences: 1, altered: 2, not_found: 3 };

// Brackets are the writer's insertions: "We (the US) have" is searched as "We have". An
// ellipsis marks an omission: the longest fragment is the best thing to search for.
const INSERTION = /\s*(?:\[[^[\]]{1,80}\]|\([^()]{1,80}\))/gu;
const ELLIPSIS = /\s*(?:\[\s*(?:\.\s?){3}\]|\[…\]|(?:\.\s?){2}\.|…)\s*/u;

export function searchWordsFor(quote: string): string {
  const fragments = quote.replace(INSERTION, "").split(ELLIPSIS);
  return fragments.reduce((a, b) => (b.length > a.length ? b : a), "").trim();
}

/** best first: verbatim, minor, altered, not found; then the closer wording; then primary sources. */
export function compareMatches(a: PassageMatch, b: PassageMatch): number {
  return RANK[a.result] - RANK[b.result] || b.similarity - a.similarity || Number(b.primary) - Number(a.primary);
}

/**
 * A cache of passages prepared for the quote check, shared by every quotation of one audit:
 * the same passage (a widely quoted remark) is read and normalised once.
 */
export class PassageCache {
  private readonly passages = new Map<string, Promise<LoadedPassage | null>>();

  async load(ids: string[]): Promise<Map<string, LoadedPassage>> {
    const missing = ids.filter((id) => !this.passages.has(id));
    if (missing.length > 0) {
      const rows = prisma.passage.findMany({
        where: { id: { in: missing } },
        select: {
          id: true,
          speaker: true,
          text: true,
          document: { select: { id: true, slug: true, title: true, kind: true, primary: true } },
        },
      });
      for (const id of missing) {
        this.passages.set(
          id,
          rows.then((list) => {
            const row = list.find((r) => r.id === id);
            return row
              ? { id: row.id, speaker: row.speaker, document: row.document, prepared: prepareSource(row.text) }
              : null;
          }),
        );
      }
    }
    const loaded = await Promise.all(ids.map((id) => this.passages.get(id)!));
    return new Map(loaded.filter((p): p is LoadedPassage => p !== null).map((p) => [p.id, p]));
  }
}

/** The best passages of the library for one quotation, compared word by word, best first. */
export async function matchPassages(quote: string, cache: PassageCache): Promise<PassageMatch[]> {
  const form = searchForm(searchWordsFor(quote));
  if (form === "") return [];
  // The tiers of passage search (search-passages.ts), except that when a passage holds the
  // exact words the fuzzy tier is skipped: a near wording cannot beat them, and on a long
  // article that is most of the search time.
  const base = { form, exactOnly: false, filters: { primaryOnly: false } };
  const rows = await rankExactAndStemmed({ ...base, limit: CANDIDATES });
  if (rows.length < CANDIDATES && !rows.some((r) => r.tier === 3)) {
    const lexemes = await queryLexemes(form);
    rows.push(...(await rankFuzzy({ ...base, lexemes, limit: CANDIDATES - rows.length, broad: rows.length === 0 })));
  }
  const candidates = rows.slice(0, CHECKED).map((r) => r.id);
  const passages = await cache.load(candidates);
  const matches = candidates.flatMap((id) => {
    const passage = passages.get(id);
    return passage ? [check(quote, passage)] : [];
  });
  return matches.sort(compareMatches);
}

function check(quote: string, passage: LoadedPassage): PassageMatch {
  const result = compareQuote(quote, passage.prepared);
  const found = result.matchStart !== null && result.matchEnd !== null;
  return {
    passageId: passage.id,
    documentId: passage.document.id,
    documentTitle: passage.document.title,
    documentSlug: passage.document.slug,
    documentKind: passage.document.kind,
    primary: passage.document.primary,
    passageSpeaker: passage.speaker,
    result: result.result,
    similarity: Math.round(result.similarity * 1000) / 1000,
    spanStart: result.matchStart,
    spanEnd: result.matchEnd,
    spanText: found ? passage.prepared.text.slice(result.matchStart!, result.matchEnd!) : null,
    notes: result.notes,
    alignment: found ? result.alignment : [],
  };
}
