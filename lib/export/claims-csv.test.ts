import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildClaimsCsv, csvField, CSV_HEADER, type CsvClaim } from "@/lib/export/claims-csv";

const claim = (overrides: Partial<CsvClaim> = {}): CsvClaim => ({
  id: "c1",
  kind: "quote",
  speaker: "Vladimir Putin",
  exact: "I am concerned about Pakistan. It is just a junta with nuclear weapons.",
  state: "approved",
  anchorStatus: "anchored",
  leftOut: false,
  verdictLabel: "Accurate",
  verdictRating: 5,
  quoteCheck: "minor_differences",
  rationale: "",
  evidence: [
    {
      relation: "supports",
      sourceTitle: "Memcon, Ljubljana",
      sourceSlug: "memcon-2001",
      exact: "I am concerned about Pakistan",
    },
  ],
  ...overrides,
});

/** A small RFC 4180 reader, to check that what we write reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

describe("claims CSV", () => {
  it("writes a header and one CRLF row per claim, quoting what needs quoting", () => {
    const csv = buildClaimsCsv([
      claim({ rationale: 'Two lines,\r\nand "quotes".' }),
      claim({ id: "c2", speaker: null, verdictLabel: null, verdictRating: null, evidence: [] }),
    ]);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows).toHaveLength(3);
    expect(rows[1]![10]).toBe('Two lines,\r\nand "quotes".');
    expect(rows[1]![11]).toBe("Memcon, Ljubljana [memcon-2001] (supports): “I am concerned about Pakistan”");
    expect(rows[2]![2]).toBe("");
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("neutralises spreadsheet formulas at the start of a cell", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"])
      expect(csvField(`${start}HYPERLINK("http://evil.example")`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvField("-42 missiles")).toBe("'-42 missiles");
    expect(csvField("42 missiles")).toBe("42 missiles");
    const [, row] = parseCsv(buildClaimsCsv([claim({ exact: '=cmd|"/c calc"!A1', speaker: "@everyone" })]));
    expect(row![3]).toBe(`'=cmd|"/c calc"!A1`);
    expect(row![2]).toBe("'@everyone");
  });

  it("round-trips any text through an RFC 4180 reader", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string(), (words, rationale) => {
        const [, row] = parseCsv(buildClaimsCsv([claim({ exact: words, rationale })]));
        const unformula = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
        expect(row![3]).toBe(unformula(words));
        expect(row![10]).toBe(unformula(rationale));
      }),
    );
  });
});
