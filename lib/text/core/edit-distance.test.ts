import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { boundedEditDistance, editDistance } from "./edit-distance";

const params = { numRuns: 200 };

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("go6d aea", "good idea")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("criticise", "criticize")).toBe(1);
  });

  it("stops past a cap, answering cap + 1 (what search highlights need)", () => {
    expect(editDistance("good", "go6d", 1)).toBe(1);
    expect(editDistance("photosynthesis", "idea", 2)).toBe(3);
    expect(editDistance("kitten", "sitting", 2)).toBe(3);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
  });
});

describe("edit distance properties", () => {
  it("edit distance is a metric bounded by the longer length", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 20 });
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        const ab = editDistance(a, b);
        expect(ab).toBe(editDistance(b, a));
        expect(ab === 0).toBe(a === b);
        expect(ab).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(ab).toBeLessThanOrEqual(editDistance(a, c) + editDistance(c, b));
        expect(boundedEditDistance(a, b)).toBe(ab);
      }),
      params,
    );
  });

  it("the bounded distance of long strings never undercounts", () => {
    const long = fc.string({ unit: "grapheme-ascii", minLength: 1001, maxLength: 1100 });
    fc.assert(
      fc.property(long, long, (a, b) => {
        expect(boundedEditDistance(a, b)).toBeGreaterThanOrEqual(editDistance(a, b));
      }),
      { numRuns: 10 },
    );
  });

  it("a capped distance is the true distance when within the cap, and cap + 1 otherwise", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 20 });
    fc.assert(
      fc.property(text, text, fc.nat({ max: 8 }), (a, b, max) => {
        const exact = editDistance(a, b);
        expect(editDistance(a, b, max)).toBe(exact <= max ? exact : max + 1);
      }),
      params,
    );
  });
});
