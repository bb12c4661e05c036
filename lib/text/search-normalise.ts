/**
 * The form of text that passage search compares: the same function runs on every passage when
 * it is stored (passages.search_text, which feeds the trigram index and the generated tsvector)
 * and on every query, so the two always agree.
 *
 * On top of normaliseText's folding (case, accents, quotes, dashes, soft hyphens, PDF line-break
 * hyphenation) it turns punctuation into spaces — "go6d·aea," and "go6d aea" agree, and stray
 * OCR dots are not counted as errors — and folds British spellings to American ones.
 *
 * Why fold spellings here and not in PostgreSQL: the english snowball stemmer gives
 * "criticise" → "criticis" but "criticize" → "critic", so the two never meet in the tsvector.
 * Folding is applied to both sides, so a word folded "wrongly" ("advise" → "advize") still
 * matches itself; only the words a reader sees are never changed (highlights use offsets into
 * the original text).
 */
import { normaliseText } from "./normalise";

// Each rule: a word ending, what it becomes, and how many letters must come before it, so
// short words ("rise", "wise", "our", "four", "hour") stay alone.
const RULES: readonly [RegExp, string][] = [
  // criticise, criticised, criticises, criticising, organisation(s), realisation
  [/^(\p{L}{3,})is(e|es|ed|ing|ation|ations|er|ers)$/u, "$1iz$2"],
  // analyse, paralysed
  [/^(\p{L}{3,})ys(e|es|ed|ing|er|ers)$/u, "$1yz$2"],
  // colour, honours, favoured, labourer, behaviour
  [/^(\p{L}{3,})our(s|ed|ing|er|ers|ful|ite|ites|able)?$/u, "$1or$2"],
  // centre, centres, spectre (not "metre", "theatre": a vowel before "tre" is left alone)
  [/^(\p{L}{2,}[^aeiou\s])tre(s|d)?$/u, "$1ter$2"],
  // defence, offence, licence (the nouns)
  [/^(def|off|lic)ence(s)?$/u, "$1ense$2"],
];

/** Folds one lower-case word's British spelling to the American one; other words unchanged. */
export function foldSpelling(word: string): string {
  if (word.length < 5) return word;
  for (const [pattern, replacement] of RULES) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return word;
}

/** The search form of any text: normalised, punctuation as spaces, spellings folded. */
export function searchForm(text: string): string {
  const normalised = normaliseText(text, { dropPunctuation: true });
  return normalised.replace(/\p{L}+/gu, foldSpelling);
}

/** Query words in search form, in order. */
export function searchWords(text: string): string[] {
  const form = searchForm(text);
  return form === "" ? [] : form.split(" ");
}
