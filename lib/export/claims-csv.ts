/**
 * An article's claims as CSV for spreadsheets (RFC 4180: CRLF rows, fields quoted when they
 * hold a comma, quote or line break, quotes doubled). Pure.
 */

export type CsvClaim = {
  id: string;
  kind: string;
  speaker: string | null;
  exact: string;
  state: string;
  anchorStatus: string;
  leftOut: boolean;
  verdictLabel: string | null;
  verdictRating: number | null;
  quoteCheck: string | null;
  rationale: string;
  evidence: { relation: string; sourceTitle: string; sourceSlug: string; exact: string }[];
};

export const CSV_HEADER = [
  "claim_id",
  "kind",
  "speaker",
  "words",
  "state",
  "anchor",
  "left_out",
  "verdict",
  "rating",
  "quote_check",
  "rationale",
  "evidence_sources",
];

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which some
 * strip first) as a formula: OWASP's advice is to prefix such a cell with a single quote, so an
 * article that quotes "=HYPERLINK(…)" shows the words instead of running them.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(value: string | number | boolean | null): string {
  const text = value === null ? "" : neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: (string | number | boolean | null)[]): string {
  return values.map(csvField).join(",");
}

export function buildClaimsCsv(claims: readonly CsvClaim[]): string {
  const rows = claims.map((c) =>
    csvRow([
      c.id,
      c.kind,
      c.speaker,
      c.exact,
      c.state,
      c.anchorStatus,
      c.leftOut ? "yes" : "no",
      c.verdictLabel,
      c.verdictRating,
      c.quoteCheck,
      c.rationale,
      c.evidence.map((e) => `${e.sourceTitle} [${e.sourceSlug}] (${e.relation}): “${e.exact}”`).join("; "),
    ]),
  );
  return [csvRow(CSV_HEADER), ...rows].join("\r\n") + "\r\n";
}
