/**
 * Pairs the quotation marks of English news text, paragraph by paragraph. Offsets are UTF-16
 * code units (JavaScript string indices), like every selector in Sourcemark.
 *
 * Conventions handled: curly “…” and straight "…" double quotes; British ‘…’ outer quotes with
 * “…” inside them and American “…” with ‘…’ inside; guillemets and „…“. A single mark between
 * two letters (don’t, it's) is always an apostrophe; one after a letter and before a space
 * ("leaders’ summit") is read as a closing mark only when no better closer follows. Marks that
 * cannot be paired are ignored: an unbalanced text yields fewer quotations, never an error.
 */

export type MarkStyle = "double" | "single";
export type MarkPair = {
  /** Index of the opening mark. */
  open: number;
  /** Index just after the closing mark (the paragraph's end for an unclosed multi-paragraph quote). */
  close: number;
  style: MarkStyle;
  /** Nesting depth: 0 for an outer quotation, 1 for a quotation inside it, and so on. */
  depth: number;
  /** Closed by the paragraph's end: the next paragraph opens with the same mark (a long quote). */
  runsOn: boolean;
};

type Role = "open" | "close" | "either";
type Mark = { at: number; style: MarkStyle; role: Role; weak: boolean };

const DOUBLE_OPEN = "“„«";
const DOUBLE_CLOSE = "”»";
const SINGLE_OPEN = "‘‚‹";
const SINGLE_CLOSE = "’›";
const LETTER = /[\p{L}\p{N}\p{M}]/u;
// What may stand before an opening mark: nothing, a space, a dash, a bracket, a colon or comma
// (`said,"Yes"` typed without a space) or another mark.
const BEFORE_OPEN = /[\s([{\u2014\u2013\-/“‘"'«‹„‚:,]/u;
// What may follow a closing mark: nothing, a space, punctuation, a bracket or another mark.
const AFTER_CLOSE = /[\s.,;:!?)\]}\u2014\u2013\-/”’"'»›…]/u;

const MAX_DEPTH = 8;
const ANY_MARK = /["'“”„«»‘’‚‹›]/g;

const isLetter = (c: string | undefined) => c !== undefined && LETTER.test(c);
const canOpenAt = (text: string, i: number, from: number) => i === from || BEFORE_OPEN.test(text[i - 1]!);
const canCloseAt = (text: string, i: number, to: number) => i + 1 >= to || AFTER_CLOSE.test(text[i + 1]!);

function classify(text: string, i: number, from: number, to: number): Mark | null {
  const c = text[i]!;
  const prev = i > from ? text[i - 1] : undefined;
  const next = i + 1 < to ? text[i + 1] : undefined;
  if (DOUBLE_OPEN.includes(c)) return { at: i, style: "double", role: "open", weak: false };
  if (DOUBLE_CLOSE.includes(c)) return { at: i, style: "double", role: "close", weak: false };
  if (c === '"') return straight(text, i, from, to, "double");
  const single = SINGLE_OPEN.includes(c) || SINGLE_CLOSE.includes(c) || c === "'";
  if (!single) return null;
  // don’t, it's, rock’n’roll: an apostrophe, never a mark.
  if (isLetter(prev) && isLetter(next)) return null;
  // ’90s, ‘tis typed as an opener: an elided digit is an apostrophe too.
  if (next !== undefined && /\p{N}/u.test(next) && !isLetter(prev)) return null;
  if (c === "'") return straight(text, i, from, to, "single");
  if (SINGLE_OPEN.includes(c)) return { at: i, style: "single", role: "open", weak: false };
  // A ’ after a letter and before a space may be a plural possessive ("leaders’ summit").
  const weak =
    prev !== undefined && /s/i.test(prev) && next !== undefined && /\s/.test(next) && /\p{Ll}/u.test(text[i + 2] ?? "");
  if (!canCloseAt(text, i, to)) return null;
  return { at: i, style: "single", role: "close", weak };
}

/** A straight mark opens after a space and closes before one; in between it toggles. */
function straight(text: string, i: number, from: number, to: number, style: MarkStyle): Mark | null {
  const opens = canOpenAt(text, i, from) && i + 1 < to && !/\s/.test(text[i + 1]!);
  const closes = i > from && !/\s/.test(text[i - 1]!) && canCloseAt(text, i, to);
  if (opens && !closes) return { at: i, style, role: "open", weak: false };
  if (closes && !opens) {
    // "Jones' car": a straight possessive after s, as with the curly one.
    const weak =
      style === "single" &&
      /s/i.test(text[i - 1]!) &&
      /\s/.test(text[i + 1] ?? "") &&
      /\p{Ll}/u.test(text[i + 2] ?? "");
    return { at: i, style, role: "close", weak };
  }
  return opens && closes ? { at: i, style, role: "either", weak: false } : null;
}

/** The quotation-mark pairs of `text`, in order of their opening marks. */
export function pairQuotationMarks(text: string): MarkPair[] {
  const pairs: MarkPair[] = [];
  const paragraphs = [...text.matchAll(/[^\n]+/g)];
  paragraphs.forEach((m, k) => {
    const from = m.index;
    const to = from + m[0].length;
    const next = paragraphs[k + 1];
    const nextOpens = next ? firstOpeningStyle(text, next.index, next.index + next[0].length) : null;
    for (const pair of pairParagraph(text, from, to, nextOpens)) pairs.push(pair);
  });
  return pairs.sort((a, b) => a.open - b.open);
}

function firstOpeningStyle(text: string, from: number, to: number): MarkStyle | null {
  const mark = classify(text, from, from, to);
  return mark && mark.role !== "close" ? mark.style : null;
}

function pairParagraph(text: string, from: number, to: number, nextOpens: MarkStyle | null): MarkPair[] {
  const marks: Mark[] = [];
  ANY_MARK.lastIndex = from;
  for (let m = ANY_MARK.exec(text); m && m.index < to; m = ANY_MARK.exec(text)) {
    const mark = classify(text, m.index, from, to);
    if (mark) marks.push(mark);
  }
  const pairs: MarkPair[] = [];
  const stack: Mark[] = [];
  for (let k = 0; k < marks.length; k++) {
    const mark = marks[k]!;
    let openIndex = stack.length - 1;
    while (openIndex >= 0 && stack[openIndex]!.style !== mark.style) openIndex--;
    const closes = mark.role !== "open" && openIndex >= 0 && !(mark.weak && betterCloserFollows(marks, k));
    if (closes) {
      // Anything opened inside and never closed was not a quotation (a stray mark).
      const opener = stack[openIndex]!;
      stack.length = openIndex;
      pairs.push({ open: opener.at, close: mark.at + 1, style: mark.style, depth: openIndex, runsOn: false });
      continue;
    }
    if (mark.role === "close") continue;
    // Real quotations do not nest this deep; a run of stray marks must not make pairing slow.
    if (stack.length >= MAX_DEPTH) stack.shift();
    stack.push(mark);
  }
  // A long quotation leaves its paragraph open when the next paragraph reopens it.
  const outer = stack[0];
  if (outer && nextOpens === outer.style && /[\p{L}\p{N}]/u.test(text.slice(outer.at, to))) {
    pairs.push({ open: outer.at, close: to, style: outer.style, depth: 0, runsOn: true });
  }
  return pairs;
}

/** A weak closer (a possessive-looking ’) gives way to a later closer of the same style. */
function betterCloserFollows(marks: Mark[], k: number): boolean {
  const style = marks[k]!.style;
  for (let j = k + 1; j < marks.length; j++) {
    const later = marks[j]!;
    if (later.style === style) return later.role !== "open";
  }
  return false;
}
