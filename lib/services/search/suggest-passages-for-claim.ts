import "server-only";
import { authorize, type Actor } from "@/lib/auth/policies";
import { ZSuggestPassagesRequest, type TSuggestPassagesRequest } from "@/lib/schemas/sources";
import { presentSearchResult, type SearchResult } from "@/lib/services/search/present-search-result";
import { rankPassages } from "@/lib/services/search/search-passages";
import { loadResultRows } from "@/lib/services/search/search-db";
import { trimQuotationMarks } from "@/lib/text/segmentation/speaker";

/**
 * Passages that may hold a claim's words, best first across all sources: the exact words
 * before the same words in other forms before near quotes (OCR noise, small changes).
 */
export async function suggestPassagesForClaim({
  actor,
  input,
}: {
  actor: Actor | null;
  input: TSuggestPassagesRequest;
}): Promise<SearchResult[]> {
  authorize(actor, "workbench:read");
  const { text, limit } = ZSuggestPassagesRequest.parse(input);
  // The claim's quotation marks are the article's, not the speaker's words.
  const trimmed = trimQuotationMarks(text, 0, text.length);
  const words = text.slice(trimmed.start, trimmed.end);
  const { rows } = await rankPassages(words, { primaryOnly: false }, limit);
  const byId = await loadResultRows(rows);
  return rows.flatMap((r) => {
    const row = byId.get(r.id);
    return row ? [presentSearchResult(row, words, r.tier, r.score)] : [];
  });
}
