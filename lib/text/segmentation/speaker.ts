/**
 * Who is speaking: speaker labels in transcripts ("PRESIDENT PUTIN:"), and the speaker of a
 * quotation in an article, guessed from its sentence ("Bush said, “…”"). A guess that cannot
 * be made honestly is null: the checker fills it in, which beats a confident wrong name.
 */
import { isSentenceEndBefore } from "./paragraphs";

export type SpeakerLabel = {
  /** Offset of the label's first character. */
  start: number;
  /** Offset just after the colon (or after "Q" in a press conference). */
  contentStart: number;
  /** The label as written, spaces collapsed, without the colon: "PRESIDENT PUTIN", "Q". */
  speaker: string;
};

const MAX_LABEL_CHARS = 60;
const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’\-]*\.?`;
const PARTICLES = String.raw`(?:(?:de|da|del|der|van|von|bin|ibn|al|la|le|du|di|of|the)[ \u00A0]+){0,2}`;
// Up to six capitalised words, then a colon (French puts a space before it), then text on the
// same line: "SUBJECT:\n" headings and "Tags:Pakistan" have none.
const LABEL = new RegExp(
  String.raw`(${WORD}(?:[ \u00A0]+${PARTICLES}${WORD}){0,5})[ \u00A0\u202F]*:(?=[^\S\n]+\S)`,
  "uy",
);
// White House transcripts mark a reporter's question with a bare "Q" at a paragraph start.
const BARE_Q = /Q(?=[^\S\n]+[\p{Lu}"“‘'(¿¡«])/uy;

// Memo headers, bylines and web furniture look like labels; any of these words disqualifies.
const STOP_WORDS = new Set(
  (
    "SUBJECT SUBJ PARTICIPANTS PARTICIPANT DATE TIME PLACE LOCATION ATTENDEES AGENDA " +
    "CLASSIFICATION CLASSIFIED DECLASSIFY DECLASSIFIED DECL REASON TAGS NOTE NOTES SOURCE " +
    "SOURCES PHOTO PHOTOS CAPTION CREDIT COPYRIGHT UPDATE UPDATED PUBLISHED POSTED SUMMARY " +
    "BACKGROUND TRANSCRIPT DISCLAIMER CORRECTION CLARIFICATION ATTACHMENT ENCLOSURE DISTRIBUTION " +
    "OBJET LIEU ТЕМА ДАТА МЕСТО УЧАСТНИКИ"
  ).split(" "),
);
// ...and these only as the whole label.
const STOP_LABELS = new Set(
  (
    "BY|FROM|TO|CC|BCC|RE|FW|FWD|SENT|TITLE|HEADLINE|AUTHOR|BYLINE|DATELINE|READ MORE|ALSO READ|" +
    "SEE ALSO|RELATED|WATCH|LISTEN|VIDEO|LIVE|BREAKING|EXCLUSIVE|OPINION|ANALYSIS|EXPLAINED|" +
    "WARNING|CONTEXT|ACTION|INFO|REF|URL|LINK|EMAIL|E-MAIL|TEL|PHONE|FAX|WEBSITE|ADDRESS|PAGE|" +
    "CHAPTER|SECTION|PART|FIGURE|TABLE|ITEM|TOPIC|TOPICS|KEYWORDS|CATEGORY|LANGUAGE|FORMAT|" +
    "DURATION|EDITOR'S NOTE|MEMORANDUM|MEMORANDUM FOR|N.B|P.S"
  ).split("|"),
);

/** Speaker labels at line starts, in document order. */
export function findSpeakerLabels(text: string, extraStopLabels: readonly string[] = []): SpeakerLabel[] {
  const extra = new Set(extraStopLabels.map(normaliseLabel));
  const labels: SpeakerLabel[] = [];
  for (let lineStart = 0; lineStart <= text.length;) {
    let pos = lineStart;
    while (pos < text.length && /[^\S\n]/.test(text[pos]!)) pos++;
    const label = labelAt(text, pos, extra);
    if (label) labels.push(label);
    const nl = text.indexOf("\n", pos);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return labels;
}

function labelAt(text: string, pos: number, extra: Set<string>): SpeakerLabel | null {
  LABEL.lastIndex = pos;
  const m = LABEL.exec(text);
  if (m) {
    const speaker = m[1]!.replace(/[\s\u00A0\u202F]+/g, " ").trim();
    const key = normaliseLabel(speaker);
    const letters = speaker.replace(/[^\p{L}]/gu, "").length;
    const ok =
      speaker.length <= MAX_LABEL_CHARS &&
      (letters >= 2 || key === "Q" || key === "A") &&
      !STOP_LABELS.has(key) &&
      !extra.has(key) &&
      !key.split(" ").some((w) => STOP_WORDS.has(w));
    return ok ? { start: pos, contentStart: pos + m[0].length, speaker } : null;
  }
  BARE_Q.lastIndex = pos;
  return BARE_Q.test(text) ? { start: pos, contentStart: pos + 1, speaker: "Q" } : null;
}

function normaliseLabel(label: string): string {
  return label
    .toUpperCase()
    .replace(/’/g, "'")
    .replace(/\s+/g, " ")
    .replace(/[.\s]+$/, "");
}

export type GuessSpeakerOptions = {
  /** Maps how an article names someone to who it is: { "Russian President": "Vladimir Putin" }. */
  aliases?: Record<string, string>;
};

const OPENERS = '“„«‹"';
const CLOSERS_ONLY = "”»›";
const VERBS =
  "said|says|adds|added|told|tells|replied|replies|asked|asks|answered|answers|responded|" +
  "responds|stated|states|warned|warns|noted|notes|remarked|remarks|declared|declares|" +
  "continued|continues|explained|explains|insisted|insists|recalled|recalls|wrote|writes|" +
  "observed|observes|quipped|quips|assured|assures|argued|argues|claimed|claims|admitted|" +
  "admits|joked|jokes|interjected|interjects|reminded|reminds";
// A subject right next to its verb: "the Russian President", "Putin", "the spokesman", "he".
// Inside a name, a word ends in "." only as an initial or a title ("George W. Bush", "Dr. Rice");
// any other word's full stop ends the sentence, so "said Sheikh Sabah. The Command" stops there.
const NAME_INNER = String.raw`(?:\p{Lu}\.|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Rev|St|Jr)\.|\p{Lu}[\p{L}\p{M}'’\-]*(?![\p{L}\p{M}'’\-]*\.))`;
const NAME_LAST = String.raw`(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’\-]*)`;
const SUBJECT = String.raw`(?:the|a|an)\s+(?:[\p{L}'’\-]+\s+){0,3}[\p{L}'’\-]+|(?:${NAME_INNER}\s+){0,3}${NAME_LAST}|he|she|they|we|I`;
// The attribution just before the opening mark: "... adds, “", "... told Bush: “".
const VERB_BEFORE = new RegExp(
  String.raw`(?:^|\s)(?:(?:also|then|later|again|simply|reportedly)\s+)?(?:${VERBS})(?:\s+(?:${WORD}(?:\s+${WORD}){0,2}|him|her|them|me|us|reporters))?\s*[,:—–]?\s*$`,
  "u",
);
// "“…,” Putin said", "“…,” said Putin", "“…,” he told Bush".
const AFTER = new RegExp(
  String.raw`^\s*[,—–]?\s*(?:(${SUBJECT})\s+(?:(?:also|then|later)\s+)?(?:${VERBS})\b|(?:${VERBS})\s+(${SUBJECT})\b)`,
  "u",
);
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’.\-]*`;
// "the Russian President", "a senior official" (article and up to three words), or a name
// ("Vladimir Putin", "Secretary of State Rice"). Not "The transcripts show that Putin".
const NOUN_PHRASE = new RegExp(
  String.raw`^(?:(?:[Tt]he|[Aa]n?)(?:\s+[\p{L}'’.\-]+){1,3}|${NAME_WORD}(?:\s+(?:(?:of|de|del|da|van|von|der|al|bin|ibn|la|le)\s+)?${NAME_WORD}){0,4})$`,
  "u",
);
const TRAILING_NAME = new RegExp(String.raw`(?:${NAME_WORD}\s+){0,3}${NAME_WORD}$`, "u");
// Lower-case clause starts that can still be a subject: "the Russian President", "he".
const PHRASE_START = /^(?:the|an?|he|she|they|we)(?:\s|$)/u;
const LEADS = /^(?:and|but|so|then|while|when|as|yet|however|meanwhile|later|finally|also)\s+/iu;
// Words that start a sentence but never name its subject ("In 2001, Putin said...").
const NOT_NAMES = new Set(
  "In On At By During According After Before When While As However But And Then So Yet If Although Though Since Because Meanwhile Later Finally Also This That These Those It There Here".split(
    " ",
  ),
);

/**
 * Guesses who speaks the quotation at [quoteStart, quoteEnd) from its own sentence. Returns the
 * words the article uses ("Bush", "the Russian President"), mapped through `aliases` when given;
 * "he"/"she" is resolved only from the subject of the sentence before; otherwise null.
 */
export function guessSpeaker(
  text: string,
  quoteStart: number,
  quoteEnd: number,
  opts: GuessSpeakerOptions = {},
): string | null {
  const name = findSpeaker(text, quoteStart, quoteEnd, 1);
  return name === null ? null : applyAlias(name, opts.aliases);
}

function findSpeaker(text: string, quoteStart: number, quoteEnd: number, depth: number): string | null {
  const { open, close } = enclosingQuote(text, quoteStart, quoteEnd);
  const sentenceStart = startOfSentence(text, open);
  const before = text.slice(sentenceStart, open);
  const after = text.slice(close, Math.min(text.length, close + 200)).split("\n")[0]!;

  const subject = subjectBefore(before) ?? (AFTER.exec(after) ?? []).slice(1).find(Boolean);
  if (subject) return resolvePronoun(text, sentenceStart, subject.replace(LEADS, ""));

  // A quote that opens its sentence with no attribution continues the previous quote's speaker.
  if (depth > 0 && before.trim() === "" && sentenceStart > 0) {
    const prevClose = lastIndexOfAny(text, CLOSERS_ONLY + '"', sentenceStart - 1, sentenceStart - 400);
    if (prevClose >= 0) return findSpeaker(text, prevClose, prevClose, depth - 1);
  }
  return null;
}

/** The subject of "<subject> <speech verb>, “" at the end of the text before a quotation. */
function subjectBefore(before: string): string | null {
  const verb = VERB_BEFORE.exec(before);
  if (!verb) return null;
  const clauses = before.slice(0, verb.index).split(/[,;:(—–“”"]/);
  // Walk back over asides: "Putin, according to the documents, said".
  for (const clause of clauses.slice(-3).reverse()) {
    const phrase = clause.trim().replace(LEADS, "");
    if (phrase === "" || (/^\p{Ll}/u.test(phrase) && !PHRASE_START.test(phrase))) {
      continue;
    }
    return subjectOf(phrase);
  }
  return null;
}

function subjectOf(phrase: string): string | null {
  if (/^(?:he|she|they|we|I)$/iu.test(phrase)) return phrase;
  const first = phrase.split(/\s+/)[0]!;
  if (NOUN_PHRASE.test(phrase) && !NOT_NAMES.has(first)) return phrase;
  // "During the meeting Bush said": the name right before the verb.
  return withoutLeadWords(TRAILING_NAME.exec(phrase)?.[0] ?? "");
}

/** "In Sochi" → "Sochi", "The" → null: sentence openers are not names. */
function withoutLeadWords(name: string): string | null {
  const words = name.split(/\s+/).filter(Boolean);
  while (words.length > 0 && (NOT_NAMES.has(words[0]!) || /^(?:The|An?)$/.test(words[0]!))) {
    words.shift();
  }
  return words.length > 0 ? words.join(" ") : null;
}

function resolvePronoun(text: string, sentenceStart: number, subject: string): string | null {
  if (!/^(?:he|she|they|we|I)$/iu.test(subject)) return subject;
  if (!/^(?:he|she)$/iu.test(subject) || sentenceStart === 0) return null;
  const previous = text.slice(startOfSentence(text, sentenceStart - 1), sentenceStart);
  // The subject of its first clause that opens with a name: "By 2005, ..., Putin raised alarms".
  for (const clause of previous.split(/[,;]/)) {
    const m = /^\s*((?:the\s+)?\p{Lu}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*){0,3})\s+\p{Ll}/u.exec(clause);
    const name = m && !NOT_NAMES.has(m[1]!.split(/\s+/)[0]!) ? withoutLeadWords(m[1]!) : null;
    if (name) return name;
  }
  return null;
}

function applyAlias(name: string, aliases: Record<string, string> | undefined): string {
  const key = (s: string) => s.replace(/^the\s+/i, "").toLowerCase();
  const match = Object.entries(aliases ?? {}).find(([alias]) => key(alias) === key(name));
  return match ? match[1] : name;
}

/** The opening mark before the quote and the position just after its closing mark. */
function enclosingQuote(text: string, start: number, end: number) {
  const { start: s, end: e } = trimQuotationMarks(text, start, end);
  const paraStart = Math.max(text.lastIndexOf("\n\n", s), s - 2000, 0);
  let open = s;
  for (let i = s - 1; i >= paraStart; i--) {
    const c = text[i]!;
    if (CLOSERS_ONLY.includes(c)) break;
    if (c === '"' && countChar(text, '"', paraStart, i) % 2 === 1) break; // a closing straight quote
    if (OPENERS.includes(c)) {
      open = i;
      break;
    }
  }
  let close = e;
  const limit = Math.min(text.length, e + 2000);
  for (let i = e; i < limit && text[i] !== "\n"; i++) {
    if ("“„«".includes(text[i]!)) break;
    if (CLOSERS_ONLY.includes(text[i]!) || text[i] === '"') {
      close = i + 1;
      break;
    }
  }
  return { open, close };
}

function startOfSentence(text: string, from: number): number {
  const floor = Math.max(0, from - 600);
  for (let i = from - 1; i > floor; i--) {
    if (text[i] === "\n") return i + 1;
    if (/\s/.test(text[i]!) && !/\s/.test(text[i - 1]!) && isSentenceEndBefore(text, i)) {
      return i + 1;
    }
  }
  return floor;
}

function countChar(text: string, c: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text[i] === c) n++;
  return n;
}

function lastIndexOfAny(text: string, chars: string, from: number, floor: number): number {
  for (let i = from; i >= Math.max(0, floor); i--) if (chars.includes(text[i]!)) return i;
  return -1;
}

const DOUBLE_MARKS = '“”„‟"«»「」『』〝〞';
const SINGLE_MARKS = "‘’‚‛'‹›";

/**
 * Shrinks a selection so the quotation marks around it and the spaces inside them (French
 * « … ») are not part of the claim. Single marks go only in pairs, as one alone is more
 * likely an apostrophe ("leaders’").
 */
export function trimQuotationMarks(text: string, start: number, end: number) {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  for (;;) {
    const before = [s, e];
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (s < e && DOUBLE_MARKS.includes(text[s]!)) s++;
    if (e > s && DOUBLE_MARKS.includes(text[e - 1]!)) e--;
    if (e - s >= 2 && SINGLE_MARKS.includes(text[s]!) && SINGLE_MARKS.includes(text[e - 1]!)) {
      s++;
      e--;
    }
    if (before[0] === s && before[1] === e) return { start: s, end: e };
  }
}
