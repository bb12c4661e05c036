/**
 * The one list of British → American spelling variants, shared by passage search
 * (search-normalise.ts, stored in passages.search_text) and the quote check (a spelling
 * variant is a minor difference). One list, so a word that search folds together is also
 * a spelling variant to the quote check, and the other way round.
 *
 * Folding is applied to both sides of every comparison, so a word folded "wrongly"
 * ("advise" → "advize") still matches itself. What matters is that two different real
 * words never fold together; hence the minimum lengths before each ending ("rise", "wise",
 * "our", "four", "prise"/"prize", "rogue" stay alone).
 */

// Each rule: a lower-case word ending and what it becomes. The first rule that matches wins.
const RULES: readonly [RegExp, string][] = [
  // criticise, criticised, criticises, criticising, organisation(s), realisation, organiser(s)
  [/^(\p{L}{3,})is(e|es|ed|ing|ation|ations|er|ers)$/u, "$1iz$2"],
  // analyse, paralysed, analyser
  [/^(\p{L}{3,})ys(e|es|ed|ing|er|ers)$/u, "$1yz$2"],
  // colour, honours, favoured, labourer, behaviour, odour, favourite, honourable
  [/^(\p{L}{2,})our(s|ed|ing|er|ers|ful|ite|ites|able)?$/u, "$1or$2"],
  // centre, theatre, metre, litre, spectre, fibre, sabre, sombre, meagre (not "acre", "genre", "ogre")
  [/^(\p{L}{2,}[tbg])re(s|d)?$/u, "$1er$2"],
  // travelled, cancelling, signalled, modeller; not filled/filed (too short to be this case)
  [/^(\p{L}{3,}[ae])ll(ed|ing|er|ers)$/u, "$1l$2"],
  // catalogue, dialogue, analogue (not "rogue", "vogue")
  [/^(\p{L}{3,})ogue(s)?$/u, "$1og$2"],
  // defence, offence, licence (the nouns), pretence
  [/^(def|off|lic|pret)ence(s)?$/u, "$1ense$2"],
];

// Every ending the rules above can match (a superset: it ignores what comes before), tested first
// because most words have none of them and the seven Unicode patterns cost far more (search
// highlights fold every word of every result shown).
const FOLDABLE_ENDING =
  /(?:[iy]s(?:e|es|ed|ing|ation|ations|er|ers)|our(?:s|ed|ing|er|ers|ful|ite|ites|able)?|[tbg]re[sd]?|[ae]ll(?:ed|ing|er|ers)|ogues?|ences?)$/;

/** Folds one lower-case word's British spelling to the American one; other words unchanged. */
export function foldSpelling(word: string): string {
  if (word.length < 5 || !FOLDABLE_ENDING.test(word)) return word;
  for (const [pattern, replacement] of RULES) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return word;
}

/** Folds every word of a text (letter runs, so "organisation's" folds too). */
export function foldSpellings(text: string): string {
  return text.replace(/\p{L}+/gu, foldSpelling);
}
