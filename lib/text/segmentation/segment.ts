/**
 * Splits a source document's text into passages: speaker turns where the text has speaker
 * labels, otherwise paragraphs, and anything too long into groups of sentences.
 *
 * Offsets are UTF-16 code units into the exact text given (the decoded document text, see
 * decode.ts); the text itself is never changed, so `text.slice(p.start, p.end)` is always the
 * passage and evidence anchored by document offsets survives any re-split.
 *
 * A speaker label ("PRESIDENT PUTIN:") is not part of its passage: `labelStart` points at it so
 * the whole document can still be shown as `text.slice(labelStart ?? start, end)` per passage.
 */
import { splitsSurrogatePair } from "../core/characters";
import { isSentenceEndBefore } from "./paragraphs";
import { findSpeakerLabels } from "./speaker";

// Kept importable from here for existing callers; characters.ts owns it.
export { splitsSurrogatePair };

/** Longer passages are split, because a reader must be able to scan a passage at a glance. */
export const MAX_PASSAGE_CHARS = 1_200;
/** Target size of a sentence group when a paragraph is too long (or OCR gave no paragraphs). */
export const SENTENCE_GROUP_CHARS = 600;
/** A document that needs more passages than this is refused rather than stored half-split. */
export const MAX_PASSAGES = 20_000;

export type Passage = {
  /** 0-based; always equals the passage's index in the array. */
  ordinal: number;
  speaker: string | null;
  start: number;
  end: number;
  /** Where the speaker label ("PRESIDENT BUSH:") begins; null for passages without one. */
  labelStart: number | null;
};

export type SegmentOptions = {
  maxPassageChars?: number;
  sentenceGroupChars?: number;
  /** Off for documents known to have no speaker turns (news reports, archive descriptions). */
  detectSpeakers?: boolean;
  /** More words that look like labels but are not speakers, e.g. a template's "OBJECTIVE". */
  extraStopLabels?: readonly string[];
};

export class PassageError extends Error {
  constructor(
    readonly code: "too-many-passages" | "invalid-ordinal" | "invalid-offset" | "empty-half",
    message: string,
  ) {
    super(message);
    this.name = "PassageError";
  }
}

type Range = { start: number; end: number };
type Draft = Omit<Passage, "ordinal">;

const BLANK_LINE = /\n[^\S\n]*\n/;
// Transcripts end with "END 10:35 A.M."; that line is not the last speaker's words.
const END_LINE = /^END(?:\s|$)/;

export function segmentDocument(text: string, opts: SegmentOptions = {}): Passage[] {
  const max = Math.max(1, opts.maxPassageChars ?? MAX_PASSAGE_CHARS);
  const group = Math.max(1, Math.min(opts.sentenceGroupChars ?? SENTENCE_GROUP_CHARS, max));
  const lineMode = usesLinesAsParagraphs(text);
  const labels = opts.detectSpeakers === false ? [] : findSpeakerLabels(text, opts.extraStopLabels);
  const drafts: Draft[] = [];
  const push = (range: Range, speaker: string | null, labelStart: number | null) => {
    for (const piece of splitLong(text, range, group, max)) {
      drafts.push({ speaker, start: piece.start, end: piece.end, labelStart });
      labelStart = null;
      if (drafts.length > MAX_PASSAGES) {
        throw new PassageError(
          "too-many-passages",
          `This document would need more than ${MAX_PASSAGES} passages; split it into smaller files.`,
        );
      }
    }
  };

  const firstLabel = labels[0]?.start ?? text.length;
  for (const para of paragraphs(text, 0, firstLabel, lineMode)) push(para, null, null);

  labels.forEach((label, i) => {
    const turnEnd = labels[i + 1]?.start ?? text.length;
    let speaker: string | null = label.speaker;
    let labelStart: number | null = label.start;
    let pack: Range | null = null;
    const emit = (range: Range) => {
      push(range, label.speaker, labelStart);
      labelStart = null;
    };
    for (const para of paragraphs(text, label.contentStart, turnEnd, lineMode)) {
      if (speaker !== null && END_LINE.test(text.slice(para.start, para.end))) speaker = null;
      if (speaker === null) {
        if (pack) emit(pack);
        pack = null;
        push(para, null, null);
      } else if (pack && para.end - pack.start <= max) {
        // Within a turn, paragraphs are packed together: a turn is the unit a checker cites.
        pack = { start: pack.start, end: para.end };
      } else {
        if (pack) emit(pack);
        pack = para;
      }
    }
    if (pack) emit(pack);
  });

  return drafts.map((d, ordinal) => ({ ordinal, ...d }));
}

/** Merges passage `ordinal` with the one after it; the second's label becomes passage text. */
export function mergePassages(passages: readonly Passage[], ordinal: number): Passage[] {
  const a = passages[ordinal];
  const b = passages[ordinal + 1];
  if (!a || !b) {
    throw new PassageError("invalid-ordinal", `There is no passage after passage ${ordinal}.`);
  }
  const merged: Passage = { ...a, end: b.end };
  return renumber([...passages.slice(0, ordinal), merged, ...passages.slice(ordinal + 2)]);
}

/**
 * Splits passage `ordinal` at document offset `atOffset`. Needs the document text to trim the
 * two halves; the second half keeps the speaker (it continues the same turn) but has no label.
 */
export function splitPassage(passages: readonly Passage[], ordinal: number, atOffset: number, text: string): Passage[] {
  const p = passages[ordinal];
  if (!p) throw new PassageError("invalid-ordinal", `There is no passage ${ordinal}.`);
  if (!(atOffset > p.start && atOffset < p.end) || splitsSurrogatePair(text, atOffset)) {
    throw new PassageError("invalid-offset", "Split inside the passage, between two characters.");
  }
  const left = trimRange(text, p.start, atOffset);
  const right = trimRange(text, atOffset, p.end);
  if (!left || !right) {
    throw new PassageError("empty-half", "Both halves of a split need some text.");
  }
  const halves: Passage[] = [
    { ...p, ...left },
    { ordinal: 0, speaker: p.speaker, ...right, labelStart: null },
  ];
  return renumber([...passages.slice(0, ordinal), ...halves, ...passages.slice(ordinal + 1)]);
}

/** The passage wholly containing [start, end), for re-pointing evidence after a re-split. */
export function findPassageForSpan(passages: readonly Passage[], start: number, end: number) {
  return passages.find((p) => p.start <= start && end <= p.end) ?? null;
}

/** Checks passages submitted by an editor; returns a message to show, or null when valid. */
export function validatePassages(text: string, passages: readonly Passage[]): string | null {
  let previousEnd = 0;
  for (const [i, p] of passages.entries()) {
    if (p.ordinal !== i) return `Passage ${i} has ordinal ${p.ordinal}.`;
    const labelStart = p.labelStart ?? p.start;
    if (!(labelStart >= previousEnd && labelStart <= p.start && p.start < p.end)) {
      return `Passage ${i} overlaps the one before it or is empty.`;
    }
    if (p.end > text.length) return `Passage ${i} ends after the document.`;
    if (splitsSurrogatePair(text, p.start) || splitsSurrogatePair(text, p.end)) {
      return `Passage ${i} cuts a character in half.`;
    }
    previousEnd = p.end;
  }
  return passages.length > MAX_PASSAGES ? `More than ${MAX_PASSAGES} passages.` : null;
}

function renumber(passages: Passage[]): Passage[] {
  return passages.map((p, ordinal) => ({ ...p, ordinal }));
}

/**
 * Without blank lines, long lines are scraped paragraphs, while short lines are hard-wrapped
 * prose whose line breaks mean nothing.
 */
function usesLinesAsParagraphs(text: string): boolean {
  if (BLANK_LINE.test(text)) return false;
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  if (lines.length < 2) return false;
  return lines.reduce((sum, l) => sum + l.length, 0) / lines.length > 100;
}

function* paragraphs(text: string, start: number, end: number, lineMode: boolean) {
  const breaks = new RegExp(lineMode ? "\n" : BLANK_LINE.source, "g");
  let from = start;
  for (const m of text.slice(start, end).matchAll(breaks)) {
    const r = trimRange(text, from, start + m.index);
    if (r) yield r;
    from = start + m.index + m[0].length;
  }
  const r = trimRange(text, from, end);
  if (r) yield r;
}

function splitLong(text: string, range: Range, group: number, max: number): Range[] {
  const pieces: Range[] = [];
  let { start } = range;
  while (range.end - start > max) {
    const cut = findCut(text, start, range.end, group, max);
    const piece = trimRange(text, start, cut);
    if (piece) pieces.push(piece);
    start = cut;
    while (start < range.end && /\s/.test(text[start]!)) start++;
  }
  const last = trimRange(text, start, range.end);
  if (last) pieces.push(last);
  return pieces;
}

/** Best place to end a piece that starts at `start`: lowest tier, then nearest to `target`. */
function findCut(text: string, start: number, end: number, target: number, max: number) {
  const hi = Math.min(start + max, end);
  const ideal = start + target;
  let best = -1;
  let bestTier = Infinity;
  // First near the target; only if that finds nothing, anywhere before it.
  const mid = Math.max(start + 1, start + Math.floor(target / 2));
  for (const [lo, top] of [
    [mid, hi],
    [start + 1, mid - 1],
  ] as const) {
    for (let p = lo; p <= top; p++) {
      const tier = cutTier(text, p);
      if (tier === Infinity) continue;
      if (tier < bestTier || (tier === bestTier && Math.abs(p - ideal) < Math.abs(best - ideal))) {
        best = p;
        bestTier = tier;
      }
    }
    if (best > 0) return best;
  }
  return hardCut(text, start, hi);
}

/**
 * How good a cut before position p is: 0 blank line, 1 sentence end, 2 line break,
 * 3 a lower-case word then a capital (sentence ends in OCR text without punctuation),
 * 4 any space; Infinity where a cut would split a word.
 */
function cutTier(text: string, p: number): number {
  const before = text[p - 1]!;
  const at = text[p]!;
  if ("。！？".includes(before) && !/\s/.test(at)) return 1;
  if (!/\s/.test(at) || /\s/.test(before)) return Infinity;
  let q = p;
  while (q < text.length && /\s/.test(text[q]!)) q++;
  const gap = text.slice(p, q);
  if (BLANK_LINE.test(gap)) return 0;
  if (isSentenceEndBefore(text, p)) return 1;
  if (gap.includes("\n")) return 2;
  if (looksLikeUnpunctuatedSentenceEnd(text, p, q)) return 3;
  return 4;
}

/**
 * "welcome you all here We have been": a lower-case word, then a capitalised word followed by
 * a lower-case one. Requiring both keeps names in OCR'd lists ("Sergey Prikhodko") together.
 */
function looksLikeUnpunctuatedSentenceEnd(text: string, p: number, q: number): boolean {
  const previous = /[\p{L}'’]+$/u.exec(text.slice(Math.max(0, p - 40), p))?.[0] ?? "";
  const next = /^\p{Lu}[\p{Ll}'’]*\s+\p{Ll}/u.test(text.slice(q, q + 60));
  return next && /^\p{Ll}[\p{Ll}'’]*$/u.test(previous);
}

const graphemes =
  typeof Intl !== "undefined" && "Segmenter" in Intl
    ? new Intl.Segmenter(undefined, { granularity: "grapheme" })
    : null;

/** A cut inside a word (text with no spaces at all), kept on a character boundary. */
function hardCut(text: string, start: number, hi: number): number {
  // containing() asks ICU for the one boundary before `hi`, instead of walking every grapheme.
  const grapheme = graphemes?.segment(text.slice(start, hi + 16)).containing(hi - start);
  if (grapheme && grapheme.index > 0) return start + grapheme.index;
  // One grapheme longer than a passage (hostile combining marks): a code point boundary will do.
  return splitsSurrogatePair(text, hi) && hi - 1 > start ? hi - 1 : hi;
}

export function trimRange(text: string, start: number, end: number): Range | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}
