import { describe, expect, it } from "vitest";
import { buildAnnotationCollection, type ExportClaim } from "@/lib/export/web-annotation";
import { spanOf, ZAnnotationImportRequest } from "@/lib/schemas/annotations";

const claims: ExportClaim[] = [
  {
    id: "c1",
    kind: "quote",
    speaker: "Vladimir Putin",
    state: "approved",
    verdictKey: "accurate",
    rationale: "The memcon records it.",
    createdAt: "2026-11-27T09:00:00.000Z",
    exact: "I am concerned about Pakistan.",
    prefix: "the Russian President adds, “",
    suffix: " It is just a junta",
    start: 120,
    end: 150,
    evidence: [
      {
        relation: "supports",
        note: "",
        exact: "I am concerned about Pakistan",
        prefix: "PUTIN: ",
        suffix: ". It is",
        start: 4000,
        end: 4029,
        source: { slug: "memcon-2001", title: "Memcon", url: null },
      },
    ],
  },
  {
    id: "c2",
    kind: "figure",
    speaker: null,
    state: "draft",
    verdictKey: null,
    rationale: "",
    createdAt: "2026-11-27T09:01:00.000Z",
    exact: "😀 42",
    prefix: "",
    suffix: "",
    start: 0,
    end: 5,
    evidence: [],
  },
];

const collection = () =>
  buildAnnotationCollection({
    baseUrl: "https://sm.example",
    articleId: "a1",
    title: "Memos",
    verdictLabels: { accurate: "Accurate" },
    claims,
  });

describe("W3C Web Annotation export", () => {
  it("is an AnnotationCollection in the W3C context with one assessing annotation per claim", () => {
    const c = collection();
    expect(c["@context"][0]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(c).toMatchObject({
      type: "AnnotationCollection",
      total: 2,
      first: { type: "AnnotationPage", startIndex: 0 },
    });
    const [a] = c.first.items;
    expect(a).toMatchObject({
      id: "https://sm.example/read/a1#claim-c1",
      type: "Annotation",
      motivation: "assessing",
      "sm:kind": "quote",
      "sm:speaker": "Vladimir Putin",
    });
    expect(a!.target).toEqual({
      source: "https://sm.example/read/a1",
      selector: [
        {
          type: "TextQuoteSelector",
          exact: "I am concerned about Pakistan.",
          prefix: "the Russian President adds, “",
          suffix: " It is just a junta",
        },
        { type: "TextPositionSelector", start: 120, end: 150 },
      ],
    });
    expect(a!.body).toEqual([
      { type: "TextualBody", purpose: "classifying", value: "Accurate", "sm:verdictKey": "accurate" },
      { type: "TextualBody", purpose: "commenting", value: "The memcon records it.", format: "text/plain" },
      {
        type: "SpecificResource",
        purpose: "linking",
        "sm:relation": "supports",
        source: {
          id: "https://sm.example/read/sources/memcon-2001",
          type: "Text",
          title: "Memcon",
          "sm:slug": "memcon-2001",
        },
        selector: [
          { type: "TextQuoteSelector", exact: "I am concerned about Pakistan", prefix: "PUTIN: ", suffix: ". It is" },
          { type: "TextPositionSelector", start: 4000, end: 4029 },
        ],
      },
    ]);
  });

  it("is read back by the import schema with the same spans (UTF-16 offsets, emoji intact)", () => {
    const items = ZAnnotationImportRequest.parse(JSON.parse(JSON.stringify(collection())));
    expect(items.map((i) => spanOf(i.target.selector))).toEqual(
      claims.map((c) => ({ exact: c.exact, prefix: c.prefix, suffix: c.suffix, start: c.start, end: c.end })),
    );
    expect(items[1]!["sm:kind"]).toBe("figure");
  });

  it("refuses an annotation without a quote selector", () => {
    const bad = {
      type: "AnnotationCollection",
      first: {
        items: [{ type: "Annotation", target: { selector: [{ type: "TextPositionSelector", start: 0, end: 3 }] } }],
      },
    };
    expect(ZAnnotationImportRequest.safeParse(bad).success).toBe(false);
  });
});
