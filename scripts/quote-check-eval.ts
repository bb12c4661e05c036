// `npm run quote-check:eval`: runs the quote check over its accuracy set
// (lib/text/quotes/quote-check-eval.json, against the demo corpus) and prints the confusion matrix,
// the accuracy and each mistake. Exits 1 below the 97% target.
import { readFileSync } from "node:fs";

import { evaluateQuoteCheck, formatEvalReport, type EvalCase } from "../lib/text/quotes/quote-check-eval.ts";

const TARGET = 0.97;
const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
const { cases } = read("../lib/text/quotes/quote-check-eval.json") as { cases: EvalCase[] };
const { documents } = read("../prisma/demo/corpus/sources.json") as { documents: Array<{ id: string; text: string }> };

const report = evaluateQuoteCheck(cases, Object.fromEntries(documents.map((d) => [d.id, d.text])));
const corpus = cases.filter((c) => c.origin === "corpus").length;
console.log(
  `quote check accuracy set: ${cases.length} cases (${corpus} from the demo corpus, ${cases.length - corpus} constructed)\n`,
);
console.log(formatEvalReport(report));
console.log(`\ntarget: ≥ ${TARGET * 100}%`);
if (report.accuracy < TARGET) process.exit(1);
