// `npm run bench`: runs every benchmark one after another (never two at once: each would slow
// the other on a 2-core machine), then prints every figure beside its target in one table.
// Extra arguments go to every benchmark (`npm run bench -- --passages 1000000`).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fail } from "../runtime.ts";
import { formatFigure, meets, type Figure } from "./report.ts";

const BENCHES = ["editor", "sources", "quotes"];

function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sourcemark-bench-"));
  const results = path.join(dir, "results.jsonl");
  const failed: string[] = [];
  try {
    for (const bench of BENCHES) {
      console.log(`\n=== npm run bench:${bench} ===`);
      const run = spawnSync("npm", ["run", "--silent", `bench:${bench}`, "--", ...process.argv.slice(2)], {
        stdio: "inherit",
        env: { ...process.env, BENCH_RESULTS: results },
      });
      if (run.status !== 0) failed.push(bench);
    }
    let lines: string[] = [];
    try {
      lines = readFileSync(results, "utf8").split("\n").filter(Boolean);
    } catch {
      // no benchmark got as far as its figures
    }
    const figures = lines.map((line) => JSON.parse(line) as Figure & { bench: string });
    console.log(
      `\nSourcemark benchmarks, ${new Date().toISOString()}, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
    for (const bench of [...new Set(figures.map((f) => f.bench))]) {
      console.log(`\n${bench}`);
      for (const figure of figures.filter((f) => f.bench === bench)) console.log(formatFigure(figure));
    }
    const targeted = figures.filter((f) => f.target);
    console.log(`\n${targeted.filter((f) => meets(f)).length} of ${targeted.length} targets met in this run.`);
    if (failed.length > 0) {
      console.error(`These benchmarks did not finish: ${failed.join(", ")} (see their output above).`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  fail(error);
}
