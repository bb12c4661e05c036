import { describe, expect, it } from "vitest";
import { ZAnnotationImportRequest } from "@/lib/schemas/annotations";

const annotation = (selector: unknown[], body: unknown[] = []) => [{ type: "Annotation", body, target: { selector } }];
const QUOTE = { type: "TextQuoteSelector", exact: "a junta with nuclear weapons" };
const refusal = (input: unknown) => {
  const result = ZAnnotationImportRequest.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues[0]!;
};

describe("annotation import schema", () => {
  it("refuses a selector or body of a type it reads when that type is incomplete, saying which", () => {
    for (const selector of [{ type: "TextQuoteSelector" }, { type: "TextQuoteSelector", exact: 5 }]) {
      const issue = refusal(annotation([selector]));
      expect(issue.path).toEqual([0, "target", "selector", 0, "exact"]);
      expect(issue.message).toBe("TextQuoteSelector: Give the quoted words as text.");
    }
    expect(refusal(annotation([QUOTE, { type: "TextPositionSelector", start: "1", end: 4 }])).message).toBe(
      "TextPositionSelector: Give the start as a character offset.",
    );
    expect(refusal(annotation([QUOTE], [{ type: "SpecificResource" }])).path).toEqual([0, "body", 0, "sm:relation"]);
    expect(refusal(annotation([QUOTE], [{ type: "TextualBody", purpose: "commenting", value: 12 }])).message).toBe(
      "TextualBody: Give the text as a string.",
    );
    // Neither a collection nor a list.
    expect(refusal("annotations").message).toBe(
      "Send an AnnotationCollection (as GET /annotations answers) or a list of its items.",
    );
  });

  it("ignores W3C selectors and bodies of other types, as before", () => {
    const parsed = ZAnnotationImportRequest.parse(
      annotation([QUOTE, { type: "CssSelector", value: "p" }], [{ type: "Choice", items: [] }]),
    );
    expect(parsed[0]!.target.selector).toHaveLength(2);
  });

  it("holds an evidence note to the evidence API's own limit, 2,000 characters", () => {
    const evidence = (note: string) =>
      annotation(
        [QUOTE],
        [
          {
            type: "SpecificResource",
            "sm:relation": "supports",
            "sm:note": note,
            source: { "sm:slug": "wion-2025-12-25" },
            selector: [QUOTE],
          },
        ],
      );
    expect(ZAnnotationImportRequest.safeParse(evidence("n".repeat(2_000))).success).toBe(true);
    expect(refusal(evidence("n".repeat(2_001))).message).toBe(
      "SpecificResource: Keep the note under 2,000 characters.",
    );
  });
});
