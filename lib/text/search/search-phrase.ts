/**
 * Phrase pieces of passage search, on search forms (searchForm): the stop-word n-grams that let
 * an index find phrases made of stop words, and the character-level similarity that the fuzzy
 * tier ranks OCR-damaged passages by. Pure: the SQL lives in lib/services/search/ (search-sql.ts,
 * search-fuzzy.ts).
 */
import approxSearch from "approx-string-match";
import { editDistance } from "../core/edit-distance";

/**
 * PostgreSQL's english.stop (identical in PostgreSQL 15 and 18): the words to_tsvector('english')
 * leaves out, so a phrase of these alone has no lexeme for the tsvector index to find.
 * search-phrase.int.test.ts checks the list against the server's.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself they them their theirs themselves " +
    "what which who whom this that these those am is are was were be been being have has had having do does did doing a an the and but if or because as until while " +
    "of at by for with about against between into through during before after above below to from up down in out on off over under again further then once here " +
    "there when where why how all any both each few more most other some such no nor not only own same so than too very s t can will just don should now"
  ).split(" "),
);

/**
 * The words of a search form that are not stop words: each gives to_tsvector('english') a
 * lexeme, so a phrase without any has none (and the tsvector index cannot find it).
 */
export function contentWords(form: string): string[] {
  return form.split(" ").filter((w) => w !== "" && !ENGLISH_STOP_WORDS.has(w));
}

/**
 * Every stop word of a search form and every run of two and of three adjacent ones ("he",
 * "he and", "he and of"), in order of first appearance, each once. The same as the SQL
 * function search_stopword_ngrams (migration 20261128190000), which indexes them for every
 * passage.
 */
export function stopWordNgrams(form: string): string[] {
  const grams = new Set<string>();
  let previous: string | null = null;
  let beforePrevious: string | null = null;
  for (const word of form.split(" ")) {
    if (!ENGLISH_STOP_WORDS.has(word)) {
      previous = beforePrevious = null;
      continue;
    }
    grams.add(word);
    if (previous !== null) {
      grams.add(`${previous} ${word}`);
      if (beforePrevious !== null) grams.add(`${beforePrevious} ${previous} ${word}`);
    }
    beforePrevious = previous;
    previous = word;
  }
  return [...grams];
}

/**
 * A tsquery (text form) that every passage holding the phrase matches through the stop-word
 * n-gram index: the AND of the phrase's longest stop-word n-grams — triples, else pairs, else
 * single stop words — those n-grams (`grams`) and their length (`n`). The longest alone suffice because a run's shorter
 * n-grams are implied by its longer ones, and they are far rarer ("of the" is in a third of
 * English passages, "the" in nearly all). Null when the phrase has no stop word.
 */
export function stopWordPhraseQuery(form: string): { tsquery: string; n: number; grams: string[] } | null {
  const grams = stopWordNgrams(form);
  if (grams.length === 0) return null;
  const n = Math.max(...grams.map((g) => g.split(" ").length));
  const chosen = grams.filter((g) => g.split(" ").length === n);
  return { tsquery: chosen.map((g) => `'${g.replace(/['\\]/g, (c) => `\\${c}`)}'`).join(" & "), n, grams: chosen };
}

/**
 * Each word of the phrase read as the stop words it may have been: a stop word as itself; any
 * other word of two letters or more as every stop word one edit from it ("te" as "the", "to",
 * "he", …; "ater" as "after"), since stop words have no lexeme to repair through the lexicon.
 */
function stopWordReadings(form: string): string[][] {
  return form.split(" ").map((word) => {
    if (ENGLISH_STOP_WORDS.has(word)) return [word];
    if (word.length < 2) return [];
    return [...ENGLISH_STOP_WORDS].filter((stop) => stop.length >= 2 && editDistance(word, stop, 1) <= 1);
  });
}

/** The runs of three stop words starting at word `i` under the readings, at most `max`. */
function triplesAt(readings: string[][], i: number, max: number): string[] {
  const triples: string[] = [];
  for (const a of readings[i]!)
    for (const b of readings[i + 1]!)
      for (const c of readings[i + 2]!) if (triples.length < max) triples.push(`${a} ${b} ${c}`);
  return triples;
}

/**
 * The runs of three stop words the phrase may have held, grouped by the word they start at,
 * intact runs included, at most `max` a place; places with none are left out. A passage holding
 * runs from two places ("but bljusair the to to the" read from "bt bljusair te to to the":
 * "the to to" and "to to the") holds much of the phrase's shape.
 */
export function stopWordTriplesByPlace(form: string, max = 12): string[][] {
  const readings = stopWordReadings(form);
  const places: string[][] = [];
  for (let i = 0; i + 2 < readings.length; i++) {
    const triples = triplesAt(readings, i, max);
    if (triples.length > 0) places.push(triples);
  }
  return places;
}

export type PhraseMatch = {
  /** 1 − errors ÷ the phrase's length: 1 is the phrase word for word. */
  similarity: number;
  errors: number;
  /** Where in `text` the best occurrence is (offsets into the search form). */
  start: number;
  end: number;
};

/** Up to a third of the phrase's characters may be wrong: "good idea" still finds "go6d aea" (3 of 9). */
export const MAX_ERROR_SHARE = 1 / 3;

/**
 * The best approximate occurrence of `phrase` in `text` (both search forms): the fewest
 * character edits (Levenshtein) turning the phrase into some stretch of the text, with word
 * edges counted (both are padded with a space, so "od ide" inside "goods ideas" costs more than
 * "good idea"). Null when every stretch needs more than MAX_ERROR_SHARE of the phrase's length.
 * O(phrase × text ÷ 32) (Myers' bit-parallel algorithm), so fine for a few hundred passages.
 */
export function phraseSimilarity(phrase: string, text: string): PhraseMatch | null {
  if (phrase.length === 0) return null;
  const maxErrors = Math.floor(phrase.length * MAX_ERROR_SHARE);
  const matches = approxSearch(` ${text} `, ` ${phrase} `, maxErrors);
  let best: (typeof matches)[number] | undefined;
  for (const m of matches)
    if (!best || m.errors < best.errors || (m.errors === best.errors && m.start < best.start)) best = m;
  if (!best) return null;
  // Offsets back into the unpadded text.
  const start = Math.max(0, best.start - 1);
  const end = Math.max(start, Math.min(text.length, best.end - 1));
  return { similarity: 1 - best.errors / phrase.length, errors: best.errors, start, end };
}

/**
 * The word and every form of it with up to `depth` characters (code points) deleted: the
 * query's side of the symmetric-deletion lookup of damaged forms (the library's side, each
 * lexeme with up to one deletion, is the table search_lexeme_deletions). A library word one edit away
 * shares one of these; two edits away, when at most one of them is a character the library
 * word has and the query word lacks ("idea" and "aea" share "ea").
 */
export function deletionForms(word: string, depth: number): string[] {
  let level = new Set([word]);
  const all = new Set(level);
  for (let d = 0; d < depth; d++) {
    const next = new Set<string>();
    for (const form of level) {
      const chars = Array.from(form);
      for (let i = 0; i < chars.length; i++) next.add([...chars.slice(0, i), ...chars.slice(i + 1)].join(""));
    }
    for (const form of next) all.add(form);
    level = next;
  }
  return [...all];
}
