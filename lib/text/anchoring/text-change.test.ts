import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textChange } from "./text-change";

describe("textChange", () => {
  it("names the one edited region", () => {
    expect(
      textChange(
        "It is no democracy, yet the West makes no criticism",
        "It is no democracy, yet the West does not criticize",
      ),
    ).toEqual({
      at: 33,
      removed: "makes no criticism",
      inserted: "does not criticize",
      truncated: false,
    });
    expect(textChange("same", "same")).toBeNull();
  });

  it("rebuilds the new text from the old one (property, hostile text)", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "é", "👍🏽", "ש", "“", " ", "\u0301") });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const change = textChange(a, b, Infinity);
        const rebuilt = change
          ? a.slice(0, change.at) + change.inserted + a.slice(change.at + change.removed.length)
          : a;
        expect(rebuilt).toBe(b);
      }),
      { numRuns: 300 },
    );
  });
});
