import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sentenceContext } from "./sentence-context";

const TEXT =
  "The memcon is dated 2001.\n\nPutin told Bush: “I am concerned about Pakistan.” Bush agreed. Then they ate.\n\nA new paragraph.";

describe("sentenceContext", () => {
  it("gives the sentence around a claim, within its paragraph", () => {
    const start = TEXT.indexOf("I am concerned");
    const end = start + "I am concerned about Pakistan.".length;
    expect(sentenceContext(TEXT, start, end)).toEqual({
      before: "Putin told Bush: “",
      exact: "I am concerned about Pakistan.",
      after: "”",
    });
  });
  it("never crosses a paragraph and caps each side", () => {
    const start = TEXT.indexOf("A new");
    expect(sentenceContext(TEXT, start, start + 5).before).toBe("");
    const long = "x".repeat(5000);
    const ctx = sentenceContext(long, 2500, 2501, 100);
    expect(ctx.before.length).toBeLessThanOrEqual(100);
    expect(ctx.after.length).toBeLessThanOrEqual(100);
  });
  it("always returns the exact span, whatever the text and offsets", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), fc.nat(), fc.nat(), (text, a, b) => {
        const s = Math.min(a, b) % (text.length + 1);
        const e = Math.min((Math.max(a, b) % (text.length + 1)) + s, text.length);
        const ctx = sentenceContext(text, s, e);
        expect(ctx.exact).toBe(text.slice(s, e));
        // The context is the text right next to the span, cut only at its outer ends.
        expect(text.slice(s - ctx.before.length, s)).toBe(ctx.before);
        expect(text.slice(e, e + ctx.after.length)).toBe(ctx.after);
      }),
    );
  });
});
