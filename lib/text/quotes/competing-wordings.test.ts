import { readFileSync } from "node:fs";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { accurateBlockedReason, competingWordings, type EvidenceSpan } from "./competing-wordings";

const corpus = new URL("../../../prisma/demo/corpus/", import.meta.url);
const { documents } = JSON.parse(readFileSync(new URL("sources.json", corpus), "utf8")) as {
  documents: Array<{ id: string; title: string; primary: boolean; text: string }>;
};

/** The span of a demo document that starts at `from` and ends after `to`, as an editor would cite it. */
function cite(id: string, from: string, to: string, relation = "supports"): EvidenceSpan {
  const doc = documents.find((d) => d.id === id);
  if (!doc) throw new Error(id);
  const start = doc.text.indexOf(from);
  const end = doc.text.indexOf(to, start) + to.length;
  expect(start).toBeGreaterThanOrEqual(0);
  return {
    evidenceId: `ev-${id}`,
    documentId: id,
    documentTitle: doc.title,
    primary: doc.primary,
    exact: doc.text.slice(start, end),
    relation,
  };
}

const QUOTE = "It is no democracy, yet the West makes no criticism of it.";
const indiaTv = cite("indiatv-2025-12-26", "It is no democracy", "Should talk about it.");
const wion = cite("wion-2025-12-25", "It is no democracy", "Should talk about it.");
const BLOCKED =
  "The secondary sources word this quote differently and no primary source is linked: link the primary source before calling it accurate.";

describe("competingWordings on the demo corpus", () => {
  it("India TV and WION word Putin's sentence differently", () => {
    expect(indiaTv.exact).toBe("It is no democracy, yet the West makes no criticism of it. Should talk about it.");
    expect(wion.exact).toBe("It is no democracy, yet the West does not criticize it. Should talk about it.");
    const r = competingWordings(QUOTE, [wion, indiaTv]);
    expect(r.disagree).toBe(true);
    expect(r.unmatched).toEqual([]);
    expect(r.wordings.map((w) => [w.text, w.result, w.sources.map((s) => s.documentId)])).toEqual([
      ["It is no democracy, yet the West makes no criticism of it.", "verbatim", ["indiatv-2025-12-26"]],
      ["It is no democracy, yet the West does not criticize it", "altered", ["wion-2025-12-25"]],
    ]);
    expect(r.wordings[1]?.alignment).toContainEqual({
      op: "replace",
      article: "makes no criticism of",
      source: "does not criticize",
      reason: "words",
    });
    expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
  });

  it("groups sources that print the same words, whatever their typography, case, spelling or extent", () => {
    const shorter = {
      ...indiaTv,
      evidenceId: "ev-tfi",
      documentId: "tfi",
      documentTitle: "TFI Global",
      exact: "“it is NO democracy — yet the West makes no criticism of it”",
    };
    const spelling = {
      ...wion,
      evidenceId: "ev-ndtv",
      documentId: "ndtv",
      documentTitle: "NDTV",
      exact: "It is no democracy, yet the West does not criticise it.",
    };
    const r = competingWordings(QUOTE, [indiaTv, shorter, wion, spelling]);
    expect(r.disagree).toBe(true);
    expect(r.wordings.map((w) => w.sources.map((s) => s.documentId))).toEqual([
      ["indiatv-2025-12-26", "tfi"],
      ["wion-2025-12-25", "ndtv"],
    ]);
    expect(competingWordings(QUOTE, [indiaTv, shorter]).disagree).toBe(false);
    // A source printing only part of the statement does not disagree with one printing all of it.
    const part = { ...indiaTv, evidenceId: "ev-part", exact: "yet the West makes no criticism of it." };
    expect(competingWordings(QUOTE, [indiaTv, part]).disagree).toBe(false);
  });

  it("lists a span that does not contain the quote apart, and never counts it as a wording", () => {
    const other = cite("dainikjagran-2025-12", "That makes me nervous", "nervous");
    const r = competingWordings(QUOTE, [indiaTv, other]);
    expect(r.unmatched.map((s) => s.documentId)).toEqual(["dainikjagran-2025-12"]);
    expect(r.disagree).toBe(false);
  });

  it("puts a primary source's wording first", () => {
    const primary = {
      ...wion,
      evidenceId: "ev-memcon",
      documentId: "memcon-2001",
      documentTitle: "Memcon, June 16, 2001",
      primary: true,
    };
    expect(competingWordings(QUOTE, [indiaTv, primary]).wordings[0]?.sources[0]?.documentId).toBe("memcon-2001");
  });
});

describe("accurateBlockedReason", () => {
  it("blocks 'accurate' while the only evidence is secondary sources that disagree", () => {
    expect(accurateBlockedReason("quote", [indiaTv, wion], QUOTE)).toBe(BLOCKED);
    expect(accurateBlockedReason("quote", [indiaTv, wion])).toBe(BLOCKED);
  });

  it("allows it with a primary source, with sources that agree, with one source, or for other kinds", () => {
    const primary = { ...indiaTv, evidenceId: "ev-memcon", primary: true };
    expect(accurateBlockedReason("quote", [indiaTv, wion, primary], QUOTE)).toBeNull();
    expect(accurateBlockedReason("quote", [indiaTv, { ...indiaTv, evidenceId: "ev-2" }], QUOTE)).toBeNull();
    expect(accurateBlockedReason("quote", [wion], QUOTE)).toBeNull();
    expect(accurateBlockedReason("figure", [indiaTv, wion], QUOTE)).toBeNull();
    // A primary source linked only as context does not settle the wording; a context span does not dispute it.
    expect(accurateBlockedReason("quote", [indiaTv, wion, { ...primary, relation: "context" }], QUOTE)).toBe(BLOCKED);
    expect(accurateBlockedReason("quote", [indiaTv, { ...wion, relation: "context" }], QUOTE)).toBeNull();
  });

  it("never throws on hostile spans", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 60 }),
      fc.constantFrom(QUOTE, wion.exact, "", "\u0000", "😀 ‮ ‏"),
    );
    const span = fc
      .record({ exact: text, primary: fc.boolean(), relation: fc.constantFrom("supports", "contradicts", "context") })
      .map((s) => ({ ...s, evidenceId: "e", documentId: "d", documentTitle: "t" }));
    fc.assert(
      fc.property(text, fc.array(span, { maxLength: 4 }), (quote, spans) => {
        const r = competingWordings(quote, spans);
        expect(r.wordings.reduce((n, w) => n + w.sources.length, 0) + r.unmatched.length).toBe(spans.length);
        const reason = accurateBlockedReason("quote", spans, quote);
        expect(reason === null || reason === BLOCKED).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
