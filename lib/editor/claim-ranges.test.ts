import { Node as PMNode } from "@tiptap/pm/model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paragraphsToDoc } from "@/lib/editor/body";
import { addClaimMark, claimRanges, removeClaimMarks } from "@/lib/editor/claim-ranges";
import { articleSchema } from "@/lib/editor/extensions";
import { buildTextMap, offsetToPos, posToOffset } from "@/lib/editor/text-map";

const schema = articleSchema();
const doc = (paragraphs: string[]) => PMNode.fromJSON(schema, paragraphsToDoc(paragraphs));
const QUOTE =
  "I am concerned about Pakistan. It is just a junta with nuclear weapons. It is no democracy, yet the West makes no criticism of it.";
const PARAGRAPH = `However, the Russian President adds, “${QUOTE}”`;

describe("claim marks ↔ plain-text ranges", () => {
  it("finds a claim mark at the exact words, across paragraphs", () => {
    const d0 = doc(["Newly declassified documents 👋🏽 from the United States.", PARAGRAPH]);
    const text = buildTextMap(d0).text;
    const start = text.indexOf(QUOTE);
    const marked = addClaimMark(d0, schema, { claimId: "c1", start, end: start + QUOTE.length });
    const range = claimRanges(marked).get("c1")!;
    expect(text.slice(range.start, range.end)).toBe(QUOTE);
  });

  it("lets claims overlap and nest", () => {
    const d0 = doc([PARAGRAPH]);
    const text = buildTextMap(d0).text;
    const inner = text.indexOf("a junta with nuclear weapons");
    let d = addClaimMark(d0, schema, {
      claimId: "outer",
      start: text.indexOf(QUOTE),
      end: text.indexOf(QUOTE) + QUOTE.length,
    });
    d = addClaimMark(d, schema, { claimId: "inner", start: inner, end: inner + "a junta with nuclear weapons".length });
    const ranges = claimRanges(d);
    expect(text.slice(ranges.get("inner")!.start, ranges.get("inner")!.end)).toBe("a junta with nuclear weapons");
    expect(text.slice(ranges.get("outer")!.start, ranges.get("outer")!.end)).toBe(QUOTE);
  });

  it("removes only the marks it is asked to", () => {
    let d = doc([PARAGRAPH]);
    d = addClaimMark(d, schema, { claimId: "keep", start: 0, end: 8 });
    d = addClaimMark(d, schema, { claimId: "drop", start: 10, end: 20 });
    expect([...claimRanges(removeClaimMarks(d, new Set(["drop"]))).keys()]).toEqual(["keep"]);
  });

  it("maps offsets to positions and back on hostile text (emoji, combining marks, RTL)", () => {
    const paragraph = fc.stringMatching(/^[a-z é́👩‍👩‍👧שלוםمرحبا“”]{1,40}$/u);
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), (paragraphs) => {
        const d = doc(paragraphs);
        const map = buildTextMap(d);
        for (let offset = 0; offset <= map.text.length; offset++) {
          const pos = offsetToPos(map, offset, "start");
          if (map.text[offset] === "\n") continue;
          expect(posToOffset(map, pos)).toBe(offset);
        }
      }),
      { numRuns: 150 },
    );
  });
});
