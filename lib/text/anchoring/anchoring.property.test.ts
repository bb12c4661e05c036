import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { anchor, describeRange, MIN_QUOTE_SIMILARITY } from "./anchoring";
import { reanchorAll } from "./reanchor";
import { editDistance } from "../core/edit-distance";

const params = { numRuns: 200 };

/** Prose-like text from pieces that break naive code: emoji, marks, RTL, curly quotes, OCR noise. */
const hostileText = fc
  .array(
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          "Putin ",
          "Bush ",
          "said ",
          "Pakistan ",
          "the ",
          "nuclear ",
          "West ",
          "it. ",
          "2005 ",
        ),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          "“",
          "”",
          "’",
          "— ",
          "\n\n",
          "\u00A0",
          "\u00AD",
          "go6d aea ",
          "long·time ",
          "café ",
          "cafe\u0301 ",
          "😀",
          "👨‍👩‍👧",
          "🇫🇷 ",
          "مرحبا بالعالم ",
          "שָׁלוֹם ",
          "नमस्ते ",
          "\u200F",
        ),
      },
      { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }) },
    ),
    { minLength: 1, maxLength: 60 },
  )
  .map((parts) => parts.join(""));

/** A text and a non-empty range in it, in code units (possibly splitting a character). */
const textWithRange = hostileText.chain((text) =>
  fc
    .tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length }))
    .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) }))
    .filter(({ start, end }) => end > start),
);

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const splitsPair = (text: string, i: number) => isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
/** A range may start on a mark only where the text itself does (no letter to carry it). */
const startsOnMark = (text: string, i: number) => i > 0 && /^\p{M}/u.test(text.slice(i, i + 2));

/** Inserted text bounded by characters the generator never makes, so the edit cannot slide. */
const insertion = fc.string({ unit: "grapheme", maxLength: 12 }).map((s) => `⟦${s}⟧`);

describe("anchoring properties", () => {
  it("describeRange then anchor on the unchanged text gives back the same range", () => {
    fc.assert(
      fc.property(textWithRange, ({ text, start, end }) => {
        const selectors = describeRange(text, start, end);
        const result = anchor(text, selectors);
        expect(result).toMatchObject({
          status: "anchored",
          method: "position",
          start: selectors.position?.start,
          end: selectors.position?.end,
        });
      }),
      params,
    );
  });

  it("anchoring by quote alone on the unchanged text lands on the same words", () => {
    fc.assert(
      fc.property(textWithRange, ({ text, start, end }) => {
        const { quote } = describeRange(text, start, end);
        const result = anchor(text, { quote });
        expect(result.status).toBe("anchored");
        if (result.status === "anchored") expect(text.slice(result.start, result.end)).toBe(quote.exact);
      }),
      params,
    );
  });

  it("never splits a surrogate pair or starts on a combining mark", () => {
    fc.assert(
      fc.property(textWithRange, fc.nat(), fc.nat(), (range, a, b) => {
        const { text } = range;
        const selectors = describeRange(text, range.start, range.end);
        const { position, quote } = selectors;
        for (const i of [position?.start ?? 0, position?.end ?? 0]) expect(splitsPair(text, i)).toBe(false);
        expect(startsOnMark(text, position?.start ?? 0)).toBe(false);
        for (const piece of [quote.exact, quote.prefix, quote.suffix]) {
          expect(isLow(piece.charCodeAt(0))).toBe(false);
          expect(isHigh(piece.charCodeAt(piece.length - 1))).toBe(false);
        }
        // Damage the text near the quote and check whatever anchor returns.
        const cut = Math.min(text.length, (position?.start ?? 0) + (a % 5));
        const edited = text.slice(0, cut) + text.slice(Math.min(text.length, cut + (b % 4)));
        const result = anchor(edited, selectors);
        if (result.status === "anchored") {
          expect(splitsPair(edited, result.start) || splitsPair(edited, result.end)).toBe(false);
          expect(startsOnMark(edited, result.start)).toBe(false);
        }
      }),
      params,
    );
  });

  it("inserting text before a claim shifts it by exactly the inserted length", () => {
    fc.assert(
      fc.property(textWithRange, fc.nat(), insertion, ({ text, start, end }, at, inserted) => {
        const selectors = describeRange(text, start, end);
        const claimStart = selectors.position?.start ?? 0;
        const k = at % (claimStart + 1);
        const edited = text.slice(0, k) + inserted + text.slice(k);
        const [outcome] = reanchorAll(text, edited, [{ id: "c", selectors }]);
        expect(outcome).toMatchObject({
          status: "moved",
          start: claimStart + inserted.length,
          end: (selectors.position?.end ?? 0) + inserted.length,
        });
      }),
      params,
    );
  });

  it("inserting text after a claim leaves it unchanged", () => {
    fc.assert(
      fc.property(textWithRange, fc.nat(), insertion, ({ text, start, end }, at, inserted) => {
        const selectors = describeRange(text, start, end);
        const claimEnd = selectors.position?.end ?? 0;
        const k = claimEnd + (at % (text.length - claimEnd + 1));
        const edited = text.slice(0, k) + inserted + text.slice(k);
        const [outcome] = reanchorAll(text, edited, [{ id: "c", selectors }]);
        expect(outcome).toMatchObject({ status: "unchanged", start: selectors.position?.start, end: claimEnd });
      }),
      params,
    );
  });

  it("deleting a claim's words orphans it, or finds text within the similarity threshold", () => {
    fc.assert(
      fc.property(textWithRange, ({ text, start, end }) => {
        const selectors = describeRange(text, start, end);
        const { exact } = selectors.quote;
        const edited = text.slice(0, selectors.position?.start) + text.slice(selectors.position?.end);
        const maxDistance = Math.floor((1 - MIN_QUOTE_SIMILARITY) * exact.length);
        for (const result of [anchor(edited, selectors), ...reanchorAll(text, edited, [{ id: "c", selectors }])]) {
          if (result.status === "orphaned") continue;
          const found = edited.slice(result.start, result.end);
          expect(editDistance(found, exact)).toBeLessThanOrEqual(maxDistance);
        }
      }),
      params,
    );
  });
});
