// One way for every benchmark to print its figures: each figure beside its target and whether
// this run met it. `npm run bench` collects them (BENCH_RESULTS names a JSON-lines file each
// benchmark appends to) and prints one table at the end. Figures are printed, never asserted.
import { appendFileSync } from "node:fs";

export type Target = { op: "<" | "<=" | ">="; value: number };

export type Figure = {
  /** What was measured, in words a reader of the note understands. */
  name: string;
  value: number;
  unit: "ms" | "×" | "%" | "" | "MB" | "s";
  target?: Target;
};

const formatValue = (value: number, unit: Figure["unit"]) => {
  const digits = unit === "ms" && value < 100 ? 1 : unit === "×" ? 0 : unit === "%" ? 1 : unit === "s" ? 1 : 0;
  const n = value.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit === "" ? n : unit === "×" || unit === "%" ? `${n}${unit}` : `${n} ${unit}`;
};

export const meets = (figure: Figure) => {
  const t = figure.target;
  if (!t) return undefined;
  return t.op === "<" ? figure.value < t.value : t.op === "<=" ? figure.value <= t.value : figure.value >= t.value;
};

export function formatFigure(figure: Figure, width = 64) {
  const target = figure.target ? `${figure.target.op} ${formatValue(figure.target.value, figure.unit)}` : "";
  const verdict = meets(figure);
  const mark = verdict === undefined ? "" : verdict ? "met" : "MISSED";
  return `  ${figure.name.padEnd(width)} ${formatValue(figure.value, figure.unit).padStart(11)}   ${target.padEnd(12)} ${mark}`;
}

/** Prints a benchmark's figures as a table and, when BENCH_RESULTS is set, appends them there. */
export function report(bench: string, figures: Figure[]) {
  console.log(`\n${bench}: figure, this run, target`);
  for (const figure of figures) console.log(formatFigure(figure));
  const file = process.env.BENCH_RESULTS;
  if (file) appendFileSync(file, figures.map((f) => JSON.stringify({ bench, ...f })).join("\n") + "\n");
}
