/**
 * The form of text that passage search compares: the same function runs on every passage when
 * it is stored (passages.search_text, which feeds the generated tsvector and the stop-word index)
 * and on every query, so the two always agree.
 *
 * On top of normaliseText's folding (case, accents, quotes, dashes, soft hyphens, PDF line-break
 * hyphenation) it turns punctuation into spaces — "go6d·aea," and "go6d aea" agree, and stray
 * OCR dots are not counted as errors — and folds British spellings to American ones, with
 * the same list the quote check uses (spelling.ts).
 *
 * Why fold spellings here and not in PostgreSQL: the english snowball stemmer gives
 * "criticise" → "criticis" but "criticize" → "critic", so the two never meet in the tsvector.
 * Folding is applied to both sides, so a word folded "wrongly" ("advise" → "advize") still
 * matches itself; only the words a reader sees are never changed (highlights use offsets into
 * the original text).
 */
import { normaliseText } from "../core/normalise";
import { foldSpelling, foldSpellings } from "../core/spelling";

// Search callers import the fold from here; spelling.ts owns the one list.
export { foldSpelling };

/** The search form of any text: normalised, punctuation as spaces, spellings folded. */
export function searchForm(text: string): string {
  return foldSpellings(normaliseText(text, { dropPunctuation: true }));
}

/** Query words in search form, in order. */
export function searchWords(text: string): string[] {
  const form = searchForm(text);
  return form === "" ? [] : form.split(" ");
}
