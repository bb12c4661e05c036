import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byDocumentOrder, insertInDocumentOrder } from "@/lib/editor/claim-order";

const claim = fc.record({
  id: fc.uuid(),
  anchorStatus: fc.constantFrom("anchored" as const, "orphaned" as const),
  start: fc.nat(50),
  end: fc.nat(50),
});

describe("claims in document order", () => {
  it("puts orphaned claims last, then by start, the longer of two claims at one start first", () => {
    const list = [
      { id: "orphan", anchorStatus: "orphaned" as const, start: 0, end: 3 },
      { id: "inner", anchorStatus: "anchored" as const, start: 5, end: 8 },
      { id: "outer", anchorStatus: "anchored" as const, start: 5, end: 20 },
      { id: "first", anchorStatus: "anchored" as const, start: 1, end: 2 },
    ];
    expect([...list].sort(byDocumentOrder).map((c) => c.id)).toEqual(["first", "outer", "inner", "orphan"]);
  });

  it("inserting one claim gives the list a full sort would, and replaces a claim with the same id", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(claim, { selector: (c) => c.id, maxLength: 40 }),
        claim,
        fc.boolean(),
        (claims, fresh, reuseId) => {
          const sorted = [...claims].sort(byDocumentOrder);
          const added = reuseId && sorted.length > 0 ? { ...fresh, id: sorted[0]!.id } : fresh;
          const expected = [...sorted.filter((c) => c.id !== added.id), added].sort(byDocumentOrder);
          expect(insertInDocumentOrder(sorted, added)).toEqual(expected);
        },
      ),
    );
  });
});
