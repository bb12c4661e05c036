import { Node as PMNode, Slice } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { paragraphsToDoc } from "@/lib/editor/body";
import { addClaimMark } from "@/lib/editor/claim-ranges";
import { claimIdsIn, stripClaims } from "@/lib/editor/claim-mark";
import { articleSchema } from "@/lib/editor/extensions";
import { buildTextMap } from "@/lib/editor/text-map";

const schema = articleSchema();
const QUOTE = "It is just a junta with nuclear weapons.";

function markedDoc(): PMNode {
  const doc = PMNode.fromJSON(schema, paragraphsToDoc([`Putin said: “${QUOTE}”`, "Another paragraph."]));
  const start = buildTextMap(doc).text.indexOf(QUOTE);
  return addClaimMark(doc, schema, { claimId: "claim-1", start, end: start + QUOTE.length });
}

describe("claim marks on paste", () => {
  it("lists the claim ids a document holds", () => {
    expect([...claimIdsIn(markedDoc())]).toEqual(["claim-1"]);
  });

  it("drops every claim mark by default: a copy never clones a claim", () => {
    const doc = markedDoc();
    const slice = doc.slice(0, doc.content.size);
    expect(claimIdsIn(schema.topNodeType.create(null, stripClaims(slice.content))).size).toBe(0);
  });

  it("keeps the marks `keep` allows (a cut claim moving) and drops the others", () => {
    const doc = markedDoc();
    const content = stripClaims(doc.slice(0, doc.content.size).content, (id) => id === "claim-1");
    expect([...claimIdsIn(schema.topNodeType.create(null, content))]).toEqual(["claim-1"]);
    const other = stripClaims(doc.slice(0, doc.content.size).content, (id) => id === "claim-2");
    expect(claimIdsIn(schema.topNodeType.create(null, other)).size).toBe(0);
  });

  it("keeps the text and other marks of the slice untouched", () => {
    const doc = markedDoc();
    const slice = doc.slice(1, doc.content.size - 1);
    const stripped = new Slice(stripClaims(slice.content), slice.openStart, slice.openEnd);
    expect(stripped.content.textBetween(0, stripped.content.size, "\n")).toBe(
      slice.content.textBetween(0, slice.content.size, "\n"),
    );
  });
});
