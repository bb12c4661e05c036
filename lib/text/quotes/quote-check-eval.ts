/**
 * Runs the quote check over its accuracy set (quote-check-eval.json) and reports a confusion
 * matrix and the accuracy. Pure: the caller passes the cases and the corpus documents' texts,
 * so the npm script (scripts/quote-check-eval.ts) and the unit test share one computation.
 */
import { compareQuote, type QuoteCheckResult } from "./quote-check";

export type EvalCase = {
  id: string;
  origin: "corpus" | "constructed";
  quote: string;
  /** A demo corpus document's id, or… */
  document?: string;
  /** …the source text itself. */
  source?: string;
  sourceIsOcr?: boolean;
  expected: QuoteCheckResult;
  reason: string;
};
export type EvalOutcome = { id: string; expected: QuoteCheckResult; actual: QuoteCheckResult; reason: string };
export type EvalReport = {
  outcomes: EvalOutcome[];
  /** matrix[expected][actual] = number of cases. */
  matrix: Record<QuoteCheckResult, Record<QuoteCheckResult, number>>;
  accuracy: number;
  mistakes: EvalOutcome[];
};

export const RESULTS: readonly QuoteCheckResult[] = ["verbatim", "minor_differences", "altered", "not_found"];

export function evaluateQuoteCheck(
  cases: readonly EvalCase[],
  documents: Readonly<Record<string, string>>,
): EvalReport {
  const matrix = Object.fromEntries(
    RESULTS.map((e) => [e, Object.fromEntries(RESULTS.map((a) => [a, 0]))]),
  ) as EvalReport["matrix"];
  const outcomes = cases.map((c): EvalOutcome => {
    const source = c.source ?? (c.document !== undefined ? documents[c.document] : undefined);
    if (source === undefined)
      throw new Error(`quote-check eval case ${c.id}: no source text (document "${c.document ?? ""}")`);
    const options = c.sourceIsOcr === undefined ? {} : { sourceIsOcr: c.sourceIsOcr };
    const actual = compareQuote(c.quote, source, options).result;
    matrix[c.expected][actual] += 1;
    return { id: c.id, expected: c.expected, actual, reason: c.reason };
  });
  const mistakes = outcomes.filter((o) => o.expected !== o.actual);
  return { outcomes, matrix, accuracy: cases.length ? (cases.length - mistakes.length) / cases.length : 1, mistakes };
}

/** The matrix as a plain-text table (rows: expected; columns: actual), then the accuracy and each mistake. */
export function formatEvalReport(report: EvalReport): string {
  const short: Record<QuoteCheckResult, string> = {
    verbatim: "verbatim",
    minor_differences: "minor",
    altered: "altered",
    not_found: "not found",
  };
  const width = 18;
  const cell = (s: string | number) => String(s).padStart(10);
  const lines = [
    `${"expected \\ actual".padEnd(width)}${RESULTS.map((r) => cell(short[r])).join("")}`,
    ...RESULTS.map((e) => `${short[e].padEnd(width)}${RESULTS.map((a) => cell(report.matrix[e][a])).join("")}`),
    "",
    `accuracy: ${(report.accuracy * 100).toFixed(1)}% (${report.outcomes.length - report.mistakes.length} of ${report.outcomes.length})`,
    ...report.mistakes.map((m) => `  ✗ ${m.id}: expected ${m.expected}, got ${m.actual} — ${m.reason}`),
  ];
  return lines.join("\n");
}
