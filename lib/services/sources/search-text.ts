import "server-only";
import { searchForm } from "@/lib/text/search/search-normalise";

/**
 * What the full-text and stop-word indexes see: typographic noise, punctuation and case folded
 * away, British spellings folded to American (see lib/text/search/search-normalise.ts). Queries go
 * through the same function, so a change here needs the passages' search_text recomputed.
 */
export function searchTextFor(text: string): string {
  return searchForm(text);
}
