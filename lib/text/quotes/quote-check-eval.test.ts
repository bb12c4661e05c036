import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { evaluateQuoteCheck, formatEvalReport, RESULTS, type EvalCase } from "./quote-check-eval";

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
const { cases } = read("./quote-check-eval.json") as { cases: EvalCase[] };
const { documents } = read("../../../prisma/demo/corpus/sources.json") as {
  documents: Array<{ id: string; text: string }>;
};
const texts = Object.fromEntries(documents.map((d) => [d.id, d.text]));

describe("quote check accuracy set", () => {
  it("has at least 40 pairs, the demo corpus's real discrepancies first, each with a result and a reason", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const firstConstructed = cases.findIndex((c) => c.origin === "constructed");
    expect(cases.slice(0, firstConstructed).every((c) => c.origin === "corpus")).toBe(true);
    expect(cases.slice(firstConstructed).every((c) => c.origin === "constructed")).toBe(true);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      expect(RESULTS).toContain(c.expected);
      expect(c.reason.length).toBeGreaterThan(10);
      expect(c.document === undefined ? c.source : texts[c.document]).toBeTypeOf("string");
    }
    // Every result is represented, so the matrix means something.
    for (const r of RESULTS) expect(cases.filter((c) => c.expected === r).length).toBeGreaterThanOrEqual(5);
  });

  it("the quote check gets at least 97% of it right", () => {
    const report = evaluateQuoteCheck(cases, texts);
    expect(report.accuracy, formatEvalReport(report)).toBeGreaterThanOrEqual(0.97);
  });

  it("counts a mistake as a mistake", () => {
    const wrong: EvalCase = {
      id: "wrong",
      origin: "constructed",
      quote: "a b c",
      source: "a b c",
      expected: "altered",
      reason: "deliberately wrong",
    };
    const report = evaluateQuoteCheck([wrong], {});
    expect(report.accuracy).toBe(0);
    expect(report.matrix.altered.verbatim).toBe(1);
    expect(formatEvalReport(report)).toMatch(/✗ wrong: expected altered, got verbatim/);
  });
});
