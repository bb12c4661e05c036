/**
 * Every quotation in an article's text, for the quote audit ("Check quotes"): where its words
 * are (UTF-16 code units, the words inside the marks), who the article says speaks them, and
 * whether it is speech at all.
 *
 * Decisions, so the audit proposes claims a checker can work with:
 * - A quotation split by narration (“…,” he said. “…”) is TWO quotations, the second with
 *   `continues` pointing at the first. A claim is one contiguous span of the article, so one
 *   claim over both fragments would hold the narration, and the quote check would call the
 *   narration words the article added. Each fragment is checked on its own, same speaker.
 * - A quotation inside a quotation has `parent` set; its words are part of the outer one, and
 *   it gets no speaker (the outer speaker is quoting someone).
 * - A one-word quotation with no one saying it (the so-called “reform”) is found but flagged
 *   `scare`: it is not speech, and the audit does not propose it unless asked.
 * - A trailing comma inside the marks is the article's punctuation (“We will see,” said
 *   Putin), so it is left out of the words; a full stop, question or exclamation mark stays.
 * - Speakers come from the sentence (guessSpeaker, with the article's own titles as aliases);
 *   a partial quotation inside reported speech ("Bush tells Putin … that Russia is “part of
 *   the West”") is given the subject of its sentence. A surname is written as the fullest form
 *   the article uses for it ("Bush" → "George W Bush") when there is only one.
 */
import { isSentenceEndBefore } from "../segmentation/paragraphs";
import { pairQuotationMarks, type MarkPair, type MarkStyle } from "./quotation-marks";
import { guessSpeaker } from "../segmentation/speaker";
import { speakerAliases } from "./speaker-aliases";

export type Quotation = {
  /** The quoted words, without the marks: [start, end) in UTF-16 code units. */
  start: number;
  end: number;
  exact: string;
  /** Index of the opening mark; index just after the closing mark. */
  open: number;
  close: number;
  style: MarkStyle;
  /** Index in the returned list of the quotation this one is nested in, or null. */
  parent: number | null;
  /** Index of the earlier fragment of the same quotation (split by narration), or null. */
  continues: number | null;
  speaker: string | null;
  /** One word in quotation marks that nobody says: a scare quote, not speech. */
  scare: boolean;
  /** Left open at its paragraph's end because the next paragraph reopens it (a long quotation). */
  runsOn: boolean;
};

export type FindQuotationsOptions = {
  /** Titles to names, as speakerAliases(text) gives; computed from the text when absent. */
  aliases?: Record<string, string>;
  /** Stop after this many quotations: a hostile text can hold hundreds of thousands. */
  limit?: number;
};

/** Split fragments of one quotation are close: a short attribution between them. */
const MAX_NARRATION_CHARS = 150;
const WORD = /[\p{L}\p{N}]/u;

export function findQuotations(text: string, options: FindQuotationsOptions = {}): Quotation[] {
  const aliases = options.aliases ?? speakerAliases(text);
  const names = new Map<string, string | null>();
  const quotations: Quotation[] = [];
  // Indexes of the quotations that enclose the current one, outermost first.
  const openStack: number[] = [];
  const pairs = pairQuotationMarks(text);
  const american = asAmericanMarks(text, pairs);
  for (const pair of pairs) {
    if (quotations.length >= (options.limit ?? Infinity)) break;
    let start = pair.open + 1;
    let end = pair.runsOn ? pair.close : pair.close - 1;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
    const exact = text.slice(start, end);
    if (!WORD.test(exact)) continue;
    while (openStack.length > 0 && quotations[openStack[openStack.length - 1]!]!.close <= pair.open) openStack.pop();
    const parent = openStack[openStack.length - 1] ?? null;
    // A quotation inside a quotation is the speaker quoting someone the article does not name.
    const guessed =
      parent !== null
        ? null
        : (guessSpeaker(american, start, end, { aliases }) ?? reportingSubject(text, pair.open, aliases));
    const speaker = guessed === null ? null : fullName(text, guessed, names);
    const quotation: Quotation = {
      start,
      end,
      exact,
      open: pair.open,
      close: pair.close,
      style: pair.style,
      parent,
      continues: null,
      speaker,
      scare: speaker === null && isOneWord(exact),
      runsOn: pair.runsOn,
    };
    linkFragments(text, quotations, quotation);
    openStack.push(quotations.push(quotation) - 1);
  }
  return quotations;
}

/**
 * Who speaks the words at [start, end) of `text`: the speaker Check quotes gives the quotation
 * that holds them (the innermost, so words quoted inside a quotation have none), so that marking
 * a quote by hand and checking every quote name the same person. Words in no quotation are given
 * to the subject of a reporting verb before them in their sentence, if any.
 */
export function speakerOfWords(text: string, start: number, end: number): string | null {
  // Between the marks, the marks themselves included (a selection may take them in).
  const holding = findQuotations(text).filter((q) => q.open <= start && end <= q.close + 1);
  const innermost = holding[holding.length - 1];
  if (innermost) return innermost.speaker;
  // Reported speech without marks: "Putin said the talks went well" gives "the talks went well"
  // to Putin, named as the article names him in full.
  const reported = reportingSubject(text, start, speakerAliases(text));
  return reported === null ? null : fullName(text, reported, new Map());
}

/**
 * The text with British marks swapped for American ones (‘outer “inner”’ → “outer ‘inner’”),
 * same length, so guessSpeaker, which reads double marks as the outer ones, reads both.
 */
function asAmericanMarks(text: string, pairs: MarkPair[]): string {
  if (!pairs.some((p) => p.depth === 0 && p.style === "single")) return text;
  const chars = text.split("");
  // Pairs come in order of their opening marks, so the outer quotation in force is the last one.
  let outer: MarkPair | null = null;
  for (const pair of pairs) {
    if (pair.depth === 0) outer = pair;
    const inBritish = outer !== null && outer.style === "single" && pair.close <= outer.close;
    if (!inBritish || pair.runsOn) continue;
    const [open, close] = pair.style === "single" ? ["“", "”"] : ["‘", "’"];
    chars[pair.open] = open;
    chars[pair.close - 1] = close;
  }
  return chars.join("");
}

function isOneWord(exact: string): boolean {
  return (
    exact
      .trim()
      .split(/\s+/)
      .filter((w) => WORD.test(w)).length === 1
  );
}

/** “…,” he said. “…”: the second fragment continues the first, with the first's speaker. */
function linkFragments(text: string, quotations: Quotation[], quotation: Quotation) {
  if (quotation.parent !== null) return;
  let k = quotations.length - 1;
  while (k >= 0 && quotations[k]!.parent !== null) k--;
  const previous = quotations[k];
  if (!previous) return;
  const between = text.slice(previous.close, quotation.open);
  const longQuote = previous.runsOn && /^\n[^\S\n]*$/.test(between);
  const split =
    between.length <= MAX_NARRATION_CHARS &&
    !between.includes("\n") &&
    WORD.test(between) &&
    !/["“”„«»]/.test(between) &&
    (/,\s*$/.test(text.slice(previous.start, previous.close - 1)) || /[,:]\s*$/.test(between));
  if (!split && !longQuote) return;
  if (quotation.speaker !== null && previous.speaker !== null && quotation.speaker !== previous.speaker) return;
  quotation.continues = k;
  quotation.speaker ??= previous.speaker;
  quotation.scare = quotation.scare && quotation.speaker === null;
}

// Verbs that report speech or thought, in any tense: the sentence's subject said these words.
const REPORTING =
  /\b(?:say|says|said|saying|tell|tells|told|telling|call|calls|called|calling|describe|describes|described|describing|believe|believes|believed|warn|warns|warned|warning|insist|insists|insisted|insisting|add|adds|added|adding|urge|urges|urged|urging|promise|promises|promised|vow|vows|vowed|assure|assures|assured|argue|argues|argued|arguing|claim|claims|claimed|claiming|admit|admits|admitted|declare|declares|declared|state|states|stated|note|notes|noted|write|writes|wrote|ask|asks|asked|reply|replies|replied|agree|agrees|agreed)\b/u;
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’\-]*\.?`;
const SUBJECT = new RegExp(String.raw`^\s*(${NAME_WORD}(?:\s+${NAME_WORD}){0,3})\s+\p{Ll}`, "u");
// Sentence openers and titles: never (the start of) a person's name.
const NOT_NAMES = new Set(
  "In On At By During According After Before When While As However But And Then So Yet If Although Though Since Because Meanwhile Later Finally Also This That These Those It There Here The A An He She They We I Critics Officials Experts".split(
    " ",
  ),
);
const TITLES = new Set(
  "President Vice Prime Minister Foreign Secretary State Chancellor Senator General Ambassador Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sir Lord Lady King Queen Premier Governor Mayor Chairman Spokesman Spokeswoman Counterpart".split(
    " ",
  ),
);

/** The subject of a sentence that reports speech before the quotation: "Bush tells Putin … “…”". */
function reportingSubject(text: string, open: number, aliases: Record<string, string>): string | null {
  const sentence = text.slice(sentenceStart(text, open), open);
  if (!REPORTING.test(sentence) || /["“”]/.test(sentence)) return null;
  const m = SUBJECT.exec(sentence);
  if (!m) return null;
  const words = m[1]!.split(/\s+/);
  if (NOT_NAMES.has(words[0]!)) return null;
  const name = m[1]!;
  const alias = Object.entries(aliases).find(([title]) => title === name || name.endsWith(` ${title}`));
  return alias ? alias[1] : name;
}

function sentenceStart(text: string, from: number): number {
  const floor = Math.max(0, from - 600);
  for (let i = from - 1; i > floor; i--) {
    if (text[i] === "\n") return i + 1;
    if (/\s/.test(text[i]!) && !/\s/.test(text[i - 1]!) && isSentenceEndBefore(text, i)) return i + 1;
  }
  return floor;
}

/** "Bush" → "George W Bush" when the article names exactly one person that way. */
function fullName(text: string, name: string, cache: Map<string, string | null>): string {
  if (!/^\p{Lu}[\p{L}'’\-]+$/u.test(name)) return name;
  if (!cache.has(name)) {
    const before = new RegExp(String.raw`((?:${GIVEN_WORD}[^\S\n]+){1,4})${escapeRegExp(name)}(?![\p{L}\-])`, "gu");
    const found = new Set<string>();
    for (const m of text.matchAll(before)) {
      const words = m[1]!.trim().split(/\s+/);
      // Keep the words after the last title or sentence opener: "Russian President Vladimir".
      let k = words.length;
      while (k > 0 && !TITLES.has(words[k - 1]!) && !NOT_NAMES.has(words[k - 1]!)) k--;
      const given = words.slice(k);
      if (given.length > 0 && given.length <= 3 && given.every((w) => isGivenName(text, w, cache)))
        found.add(`${given.join(" ")} ${name}`);
    }
    cache.set(name, found.size === 1 ? [...found][0]! : null);
  }
  return cache.get(name) ?? name;
}

// A capitalised word or an initial ("W", "W."); not "Iran." at the end of a sentence.
const GIVEN_WORD = String.raw`(?:\p{Lu}[\p{L}'’\-]*|\p{Lu}\.)`;
// Not "-": the escaped words go outside character classes, where a "u" pattern refuses "\-"
// ("Invalid escape"), and a lone "-" there is literal anyway.
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "Vladimir" is only ever followed by another name; "Bush" in "Bush tells Putin" stands alone. */
function isGivenName(text: string, word: string, cache: Map<string, string | null>): boolean {
  const key = `given:${word}`;
  if (!cache.has(key)) {
    const alone = new RegExp(String.raw`(?<![\p{L}\-])${escapeRegExp(word)}(?![\p{L}\-])(?![^\S\n]+\p{Lu})`, "u").test(
      text,
    );
    cache.set(key, alone ? null : word);
  }
  return cache.get(key) !== null;
}
