/**
 * Quote check: how an article's quotation compares with the words of its source.
 *
 *   verbatim           the same after typographic normalisation only (curly or straight
 *                      quotes, dashes, spacing, line breaks, ligatures);
 *   minor_differences  the same words, give or take case, punctuation, spelling variants
 *                      (criticise/criticize), OCR noise in the source ("go6d aea"), words
 *                      split by OCR, narration between quoted fragments ("…," Putin said. "…"),
 *                      omissions marked by an ellipsis, or an editorial insertion in brackets;
 *   altered            words added, removed or changed;
 *   not_found          nothing in the source is close enough to compare.
 *
 * Use:
 *   compareQuote(articleQuote: string, source: string | PreparedSource, options?: { sourceIsOcr?: boolean }): QuoteCheck
 *   prepareSource(text: string): PreparedSource   (normalise a source once for many quotes)
 * The result is plain JSON (no undefined, no class instances), fit to store as it is.
 *
 * Offsets (matchStart, matchEnd) are UTF-16 code units into the source text, like
 * the selectors in anchoring.ts. Every minor difference also leaves a note, so the
 * checker can see why a quote was not called altered; `alignment` is the word-by-word
 * comparison a person reads (see AlignmentStep in quote-check-types.ts).
 */
import { findWords, WORD_CHAR } from "../core/characters";
import { isNarration, noteFor } from "./quote-check-describe";
import {
  compareOnce,
  prepareSource,
  trimQuote,
  type CompareQuoteOptions,
  type PreparedSource,
} from "./quote-check-match";
import type {
  AlignmentStep,
  DifferenceReason,
  QuoteCheck,
  QuoteCheckResult,
  QuoteDifference,
  Range,
  RawCheck,
  Step,
} from "./quote-check-types";

export type { AlignmentStep, QuoteCheck, QuoteCheckResult, QuoteDifference } from "./quote-check-types";
export { prepareSource, type CompareQuoteOptions, type PreparedSource };

const RANK: Record<QuoteCheckResult, number> = { verbatim: 0, minor_differences: 1, altered: 2, not_found: 3 };
const BY_RANK = Object.keys(RANK) as QuoteCheckResult[];

const ELLIPSIS = /\s*(?:\[\s*(?:\.\s?){3}\]|\[…\]|(?:\.\s?){2}\.|…)\s*/gu;
const BLANK = "\uFEFF";
const CLAUSE_END = /(?<=[.!?;:,])\s+/gu;
const INSERTION = /\s*(?:\[[^[\]]{1,80}\]|\([^()]{1,80}\))/gu;

/** Compare an article's quote with a source text (a document or one passage of it). */
export function compareQuote(
  articleQuote: string,
  sourceText: string | PreparedSource,
  options: CompareQuoteOptions = {},
): QuoteCheck {
  const source = typeof sourceText === "string" ? prepareSource(sourceText) : sourceText;
  const asWritten = compareWithEllipses(articleQuote, source, options);
  const insertions = [...articleQuote.matchAll(INSERTION)].map((m) => {
    const lead = m[0].length - m[0].trimStart().length;
    return { text: m[0].trim(), start: m.index + lead, end: m.index + m[0].length };
  });
  if (insertions.length === 0 || asWritten.result === "verbatim") return present(asWritten, articleQuote, source.text);

  // Brackets in a quote are usually the writer's words; compare without them too. Blanking
  // them out (rather than cutting) keeps every other offset of the quote where it was; the
  // blank is U+FEFF, which normalisation drops and no word contains, so it leaves no trace.
  const blanked = articleQuote.replace(INSERTION, (m) => BLANK.repeat(m.length));
  const without = compareWithEllipses(blanked, source, options);
  const better =
    RANK[without.result] < RANK[asWritten.result] ||
    (without.result === asWritten.result && without.similarity > asWritten.similarity);
  if (!better) return present(asWritten, articleQuote, source.text);
  return present(
    {
      ...without,
      result: without.result === "verbatim" ? "minor_differences" : without.result,
      differences: [
        ...insertions.map(({ text }): QuoteDifference => ({ kind: "insert", article: text, reason: "editorial" })),
        ...without.differences,
      ],
      notes: [
        ...insertions.map(({ text }) => `editorial insertion: ${text} is the article's, not the speaker's`),
        ...without.notes,
      ],
      steps: placeInsertions(without.steps, insertions),
    },
    articleQuote,
    source.text,
  );
}

/** A piece of the quote, where it starts in the quote, and what separates it from the piece before. */
type Fragment = { text: string; start: number; after: "ellipsis" | "punctuation" };

function compareWithEllipses(quote: string, prepared: PreparedSource, options: CompareQuoteOptions): RawCheck {
  const whole = compareOnce(quote, 0, prepared, 0, options);
  if (whole.result === "verbatim") return whole;
  let best = whole;
  // An ellipsis marks an omission: each fragment must be found, in order.
  const combined = compareFragments(splitQuote(quote, false), prepared, options);
  if (combined && RANK[combined.result] <= RANK[best.result]) best = combined;
  // Narration between quoted sentences ("“…,” the chancellor told parliament. “…”") can be
  // longer than the fuzzy search tolerates: then match the quote sentence by sentence.
  if (RANK[best.result] >= RANK.altered) {
    const bySentence = compareFragments(splitQuote(quote, true), prepared, options);
    if (bySentence && RANK[bySentence.result] < RANK[best.result]) best = bySentence;
  }
  return best;
}

/** Compare each fragment in order; null when there are fewer than two or one is not found. */
function compareFragments(
  fragments: readonly Fragment[],
  prepared: PreparedSource,
  options: CompareQuoteOptions,
): RawCheck | null {
  if (fragments.length < 2) return null;
  const source = prepared.text;
  const parts: RawCheck[] = [];
  let from = 0;
  for (const fragment of fragments) {
    const part = compareOnce(fragment.text, fragment.start, prepared, from, options);
    if (part.matchStart === null || part.matchEnd === null) return null;
    parts.push(part);
    from = part.matchEnd;
  }
  const differences: QuoteDifference[] = [];
  const notes: string[] = [];
  const steps: Step[] = [];
  parts.forEach((part, i) => {
    const previous = parts[i - 1];
    if (previous) {
      const gapStart = previous.matchEnd as number;
      const gap = source.slice(gapStart, part.matchStart as number);
      if (WORD_CHAR.test(gap)) {
        const omitted = gap.slice(gap.search(WORD_CHAR), gap.length - [...gap].reverse().join("").search(WORD_CHAR));
        const reason: DifferenceReason =
          fragments[i]?.after === "ellipsis" ? "ellipsis" : isNarration(gap) ? "narration" : "words";
        const difference: QuoteDifference = { kind: "delete", source: omitted, reason };
        differences.push(difference);
        if (reason === "ellipsis") notes.push(`omission marked by an ellipsis: "${omitted}"`);
        else if (reason === "narration") notes.push(noteFor(difference));
        const at = gapStart + gap.search(WORD_CHAR);
        steps.push({ op: "delete", art: [], src: [{ start: at, end: at + omitted.length }], reason });
      }
    }
    differences.push(...part.differences);
    notes.push(...part.notes);
    steps.push(...part.steps);
  });
  const worst = Math.max(
    RANK.minor_differences,
    ...parts.map((p) => RANK[p.result]),
    differences.some((d) => d.reason === "words") ? RANK.altered : 0,
  );
  return {
    result: BY_RANK[worst] ?? "altered",
    matchStart: parts[0]?.matchStart ?? null,
    matchEnd: parts[parts.length - 1]?.matchEnd ?? null,
    similarity: Math.min(...parts.map((p) => p.similarity)),
    differences,
    notes,
    steps,
  };
}

/**
 * The quote's pieces that have words, with where each starts in the quote: split at ellipses,
 * and also after sentence or clause punctuation when `atPunctuation`.
 */
function splitQuote(quote: string, atPunctuation: boolean): Fragment[] {
  const { text, offset } = trimQuote(quote);
  const pieces: Fragment[] = [];
  const cut = (pattern: RegExp, piece: Fragment): Fragment[] => {
    const out: Fragment[] = [];
    let at = 0;
    let after = piece.after;
    for (const m of piece.text.matchAll(pattern)) {
      out.push({ text: piece.text.slice(at, m.index), start: piece.start + at, after });
      at = m.index + m[0].length;
      after = pattern === ELLIPSIS ? "ellipsis" : "punctuation";
    }
    out.push({ text: piece.text.slice(at), start: piece.start + at, after });
    return out;
  };
  for (const piece of cut(ELLIPSIS, { text, start: offset, after: "ellipsis" })) {
    pieces.push(...(atPunctuation ? cut(CLAUSE_END, piece) : [piece]));
  }
  return pieces.filter((p) => WORD_CHAR.test(p.text));
}

/**
 * Put each editorial insertion back where the article has it: split an equal run that spans
 * it (when its words pair one to one) and place the insertion before the first later word.
 */
function placeInsertions(steps: readonly Step[], insertions: ReadonlyArray<Range & { text: string }>): Step[] {
  let split: Step[] = [...steps];
  for (const { start } of insertions) {
    split = split.flatMap((step) => {
      const k = step.art.findIndex((r) => r.start >= start);
      if (step.op !== "equal" || k <= 0 || step.art.length !== step.src.length) return [step];
      return [
        { op: "equal", art: step.art.slice(0, k), src: step.src.slice(0, k) },
        { op: "equal", art: step.art.slice(k), src: step.src.slice(k) },
      ];
    });
  }
  const pending = [...insertions].sort((a, b) => a.start - b.start);
  const placed: Step[] = [];
  const insertStep = (r: Range): Step => ({
    op: "insert",
    art: [{ start: r.start, end: r.end }],
    src: [],
    reason: "editorial",
  });
  for (const step of split) {
    const firstWord = step.art[0];
    while (firstWord && pending[0] && pending[0].start < firstWord.start)
      placed.push(insertStep(pending.shift() as Range));
    placed.push(step);
  }
  placed.push(...pending.map(insertStep));
  return placed;
}

/** Write the steps out as text; a quote not found is one run of article words. */
function present(raw: RawCheck, quote: string, source: string): QuoteCheck {
  const { steps, ...check } = raw;
  const text = (ranges: readonly Range[], from: string) =>
    ranges.length ? from.slice((ranges[0] as Range).start, (ranges[ranges.length - 1] as Range).end) : undefined;
  // Fragments compared one by one leave equal runs side by side: show them as one.
  const merged: Step[] = [];
  for (const step of steps) {
    const last = merged[merged.length - 1];
    if (last?.op === "equal" && step.op === "equal")
      merged[merged.length - 1] = { op: "equal", art: [...last.art, ...step.art], src: [...last.src, ...step.src] };
    else merged.push(step);
  }
  const alignment: AlignmentStep[] = merged.map((step) => {
    const article = text(step.art, quote);
    const sourceWords = text(step.src, source);
    return {
      op: step.op,
      ...(article !== undefined && { article }),
      ...(sourceWords !== undefined && { source: sourceWords }),
      ...(step.reason && step.op !== "equal" && { reason: step.reason }),
    };
  });
  if (check.result === "not_found") {
    const words = findWords(quote);
    const first = words[0];
    const last = words[words.length - 1];
    return {
      ...check,
      alignment: first && last ? [{ op: "insert", article: quote.slice(first.start, last.end) }] : [],
    };
  }
  return { ...check, alignment };
}
