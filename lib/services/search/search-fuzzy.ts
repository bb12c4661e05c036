import "server-only";
// The fuzzy tier of passage search: passages similar to the phrase through OCR noise, found
// through the lexicon of damaged forms and the stop-word n-gram index, checked character by
// character (docs/decisions/0006 and 0010).
import { Prisma } from "@/lib/generated/prisma/client";
import {
  documentFilterSql,
  matchesAnySql,
  passageFilterSql,
  quoteLexeme,
  RESULT_COLUMNS,
  run,
  tsquerySql,
  type ResultSqlRow,
} from "@/lib/services/search/search-db";
import { keepSimilar, MAX_FUZZY_CANDIDATES, MIN_FUZZY_CHARS } from "@/lib/services/search/search-near";
import type { RankedRow, RankQuery } from "@/lib/services/search/search-sql";
import { isCommon, statistics, type Frequencies, type QueryLexeme } from "@/lib/services/search/search-statistics";
import { deletionForms, stopWordTriplesByPlace } from "@/lib/text/search/search-phrase";

/** One query word in any of its forms: "('good' | 'go6d')". */
const anyForm = (forms: string[]) => `(${forms.map(quoteLexeme).join(" | ")})`;
/** Passages holding any two of the groups: "(a & b) | (a & c) | (b & c)". */
const anyTwoOf = (groups: string[]) => groups.flatMap((a, i) => groups.slice(i + 1).map((b) => `(${a} & ${b})`));

/** How many edits a lexeme's OCR-damaged form may differ by: "good" → "go6d" 1, "idea" → "aea" 2. */
export const maxEditsFor = (lexeme: string) => (lexeme.length <= 2 ? 0 : lexeme.length === 3 ? 1 : 2);

/**
 * For each lexeme, the library's lexemes within maxEditsFor of it, closest first, at most
 * MAX_DAMAGED_FORMS — the damaged forms OCR left ("go6d" for "good", "aea" for "idea"), or, for a
 * damaged query, the intact word — leaving out the query's own lexemes and common ones two
 * edits away (those are other words, not damage, and would bring half the library); and which
 * of the lexemes the library itself holds (`known`). One b-tree lookup of the words' deletion
 * forms (search_lexeme_deletions), then the edit distance on the few lexemes that share one.
 */
async function damagedForms(
  lexemes: string[],
  stats: Frequencies,
): Promise<{ forms: Map<string, string[]>; known: Set<string> }> {
  const forms = new Map<string, string[]>(lexemes.map((l) => [l, []]));
  const known = new Set<string>();
  // Every word, also those too short to repair (maxEditsFor 0): the lookup of the word itself
  // says whether the library holds it.
  if (lexemes.length === 0) return { forms, known };
  const keys = [...new Set(lexemes.flatMap((w) => deletionForms(w, maxEditsFor(w))))];
  const rows = await run<{ word: string; lexeme: string; edits: number }>(Prisma.sql`
    SELECT DISTINCT q.word, v.lexeme, levenshtein_less_equal(v.lexeme, q.word, q.edits) AS edits
    FROM search_lexeme_deletions v, unnest(${lexemes}::text[], ${lexemes.map(maxEditsFor)}::int[]) AS q(word, edits)
    WHERE v.deletion = ANY(${keys}::text[])
      AND levenshtein_less_equal(v.lexeme, q.word, q.edits) <= q.edits
      AND (v.lexeme <> ALL(${lexemes}::text[]) OR v.lexeme = q.word)
    ORDER BY q.word, edits, v.lexeme`);
  for (const r of rows) {
    if (r.lexeme === r.word) {
      known.add(r.word);
      continue;
    }
    const list = forms.get(r.word)!;
    // One edit from a damaged query word is the word meant, however common ("tlme" → "time").
    if (r.edits <= 1 ? list.length < MAX_ONE_EDIT_FORMS : list.length < MAX_DAMAGED_FORMS && !isCommon(stats, r.lexeme))
      list.push(r.lexeme);
  }
  return { forms, known };
}

/**
 * Similar passages that neither the phrase nor the stemmed words found, most similar first.
 *
 * Each of the query's five rarest lexemes stands for itself and, when no passage holds the
 * phrase word for word (`broad`), its damaged forms (damagedForms). Candidates, from the
 * tsvector index, are first the passages holding the two rarest of these words in some form at
 * their distance in the phrase ("(good | go6d) <-> (idea | aea)": a copy of the phrase keeps its
 * words' places, whatever OCR did to their letters), then any two of them in place (words no
 * passage holds in any form are left out). Only when none of those is similar enough, and
 * `thorough` (nothing else matched), the passages holding two of them anywhere; then those holding
 * one of them or its damaged forms (none that is common) or runs of three stop words
 * the phrase may have held before OCR damaged one of them ("te" for "the") next to one of them. At most
 * MAX_FUZZY_CANDIDATES are checked each time, in a defined order: most of the words' forms held
 * first (ts_rank), then by id. Each is scored by character-level similarity over the whole phrase
 * (phraseSimilarity: up to a third of its characters wrong), so a phrase whose every word is
 * damaged ("good idea" in "go6d aea") is found, and a passage that only shares words is not.
 */
export async function rankFuzzy({
  form,
  filters,
  limit,
  lexemes,
  broad = false,
  thorough = broad,
}: RankQuery): Promise<RankedRow[]> {
  if (form.length < MIN_FUZZY_CHARS || limit <= 0) return [];
  // Only stop words ("it is no"): nothing distinctive to look for; the exact tier finds those.
  let rarest = lexemes.slice(0, 5);
  if (rarest.length === 0) return [];
  // Damaged forms only when the phrase itself is nowhere: beside an exact match, they are noise.
  const stats = await statistics();
  const found = broad
    ? await damagedForms(
        rarest.map((l) => l.lexeme),
        stats,
      )
    : null;
  const damaged = found?.forms ?? new Map(rarest.map((l) => [l.lexeme, []]));
  // A word no passage holds in any form (an OCR-damaged stop word, "aout" for "about") cannot
  // help find one; it would only make a pair that nothing matches.
  if (found) {
    const live = rarest.filter((l) => found.known.has(l.lexeme) || damaged.get(l.lexeme)!.length > 0);
    if (live.length > 0) rarest = live;
  }
  const groups = rarest.map((l) => anyForm([l.lexeme, ...damaged.get(l.lexeme)!]));
  const wanted = [...rarest.map((l) => l.lexeme), ...rarest.flatMap((l) => damaged.get(l.lexeme)!)];
  if (groups.length >= 2) {
    // The two rarest words in place first: the index skips through the commoner one's passages.
    const pairs = inPlacePairs(rarest, groups);
    const rarestTwo = inPlacePairs(rarest.slice(0, 2), groups.slice(0, 2));
    const inPlace = await similarPassages(form, filters, limit, rarestTwo, wanted);
    if (inPlace.length > 0) return inPlace;
    if (pairs.length > rarestTwo.length) {
      const anyInPlace = await similarPassages(form, filters, limit, pairs, wanted);
      if (anyInPlace.length > 0) return anyInPlace;
    }
    if (broad && !thorough) return [];
    const anywhere = await similarPassages(form, filters, limit, anyTwoOf(groups), wanted);
    if (anywhere.length > 0 || !broad) return anywhere;
  }
  if (broad && !thorough) return [];
  // Alone, a common word (or form: "came" for "come") would bring tens of thousands of passages
  // to rank (2.5 s at 1,000,000 passages); it still counts beside a run of stop words below.
  const distinctive = rarest
    .flatMap((l) => [l.lexeme, ...damaged.get(l.lexeme)!])
    .filter((form) => !isCommon(stats, form));
  // OCR also damages stop words ("te" for "the", "ater" for "after"), which have no lexeme to
  // repair, and the stop words it left intact still stand in their runs: passages holding runs of
  // three stop words the phrase may have held (stopWordTriplesByPlace) next to one of its words in
  // some form — first runs from two places of the phrase, then one — each its own statement, so
  // that the few passages holding the runs are not lost among thousands holding a word.
  const places = stopWordTriplesByPlace(form);
  const anyOf = groups.join(" | ");
  if (places.length >= 2) {
    const tsquery = anyTwoOf(places.map((runs) => `(${runs.map(quoteLexeme).join(" | ")})`)).join(" | ");
    const two = await similarPassages(form, filters, limit, [], wanted, { tsquery, anyOf });
    if (two.length > 0) return two;
  }
  const runs = [...new Set(places.flat())].slice(0, MAX_RUNS).map(quoteLexeme);
  if (runs.length > 0) {
    const one = await similarPassages(form, filters, limit, [], wanted, { tsquery: runs.join(" | "), anyOf });
    if (one.length > 0) return one;
  }
  // Last, the passages holding one of the words or forms anywhere.
  return similarPassages(form, filters, limit, distinctive.map(quoteLexeme), wanted);
}

/**
 * Each pair of the words (rarest lexemes, with their forms in `groups`) at their distance in the
 * phrase, in phrase order: "('good' | 'go6d') <1> ('idea' | 'aea')".
 */
function inPlacePairs(words: QueryLexeme[], groups: string[]): string[] {
  const placed = words
    .map((w, i) => ({ position: w.position, group: groups[i]! }))
    .sort((a, b) => a.position - b.position);
  return placed.flatMap((a, i) =>
    placed
      .slice(i + 1)
      .filter((b) => b.position > a.position)
      .map((b) => `(${a.group} <${b.position - a.position}> ${b.group})`),
  );
}

/**
 * Candidates matching any of `clauses` (tsquery text) and not the stemmed words, at most
 * MAX_FUZZY_CANDIDATES in a defined order — most of `wanted` held first (ts_rank), then by id —
 * each kept if the phrase is similar enough to some stretch of it, most similar first.
 */
async function similarPassages(
  form: string,
  filters: RankQuery["filters"],
  limit: number,
  clauses: string[],
  wanted: string[],
  alongside?: { tsquery: string; anyOf: string },
): Promise<RankedRow[]> {
  if (clauses.length === 0 && !alongside) return [];
  // One index search per clause: the index skips through each clause's commoner words, where
  // one tsquery of all the clauses ORed would visit every passage holding any word.
  const byLexemes = clauses.length > 0 ? matchesAnySql("tsquery", clauses) : Prisma.sql`FALSE`;
  const byStopWords = alongside
    ? Prisma.sql`OR (search_stopword_ngrams(p.search_text) @@ ${alongside.tsquery}::tsquery AND p.tsv @@ ${alongside.anyOf}::tsquery)`
    : Prisma.empty;
  // The candidates first, by the index alone (a materialized CTE: read once, never rescanned
  // for each document a filter keeps), then their documents, then the rows of the chosen.
  const candidates = await run<ResultSqlRow & { search_text: string }>(Prisma.sql`
    WITH candidates AS MATERIALIZED (
      SELECT p.id, p.document_id, ts_rank(p.tsv, ${wanted.map(quoteLexeme).join(" | ")}::tsquery) AS rank
      FROM passages p
      WHERE (${byLexemes} ${byStopWords})
        AND NOT (p.tsv @@ ${tsquerySql("plain", form)})
        ${passageFilterSql(filters)}),
    chosen AS MATERIALIZED (
      SELECT c.id, c.rank FROM candidates c JOIN source_documents d ON d.id = c.document_id
      WHERE TRUE ${documentFilterSql(filters)}
      ORDER BY c.rank DESC, c.id
      LIMIT ${MAX_FUZZY_CANDIDATES})
    SELECT p.id, p.ordinal, p.search_text, ${RESULT_COLUMNS}
    FROM chosen c JOIN passages p ON p.id = c.id JOIN source_documents d ON d.id = p.document_id
    ORDER BY c.rank DESC, c.id`);
  return keepSimilar(form, candidates, limit);
}

/**
 * Damaged forms of one word looked for at most, closest first: up to 16 one edit away (in a
 * library of a million passages a short word has a dozen neighbours one edit away, and which of
 * them OCR meant is not in their alphabetical order), and two edits away only while fewer than 8.
 */
const MAX_DAMAGED_FORMS = 8;
const MAX_ONE_EDIT_FORMS = 16;
/** Runs of stop words looked up beside a word at most. */
const MAX_RUNS = 60;
