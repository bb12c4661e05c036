// `npm run bench:sources [-- --passages N]`: imports a generated corpus (100,000 passages,
// about 50 MB, by default) through the real import path into its own throwaway database, then
// times 200 fixed searches through the real search service against the same searches done as
// a naive ILIKE scan. Prints figures; asserts nothing.
import { performance } from "node:perf_hooks";
import { openDatabase, recreateDatabase } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";
import { fail } from "../runtime.ts";
import { generateCorpus } from "./corpus.ts";
import { benchQueries, type Sample } from "./sources-queries.ts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PASSAGES = arg("passages", 100_000);
const PER_DOCUMENT = Math.min(500, PASSAGES);
const DOCUMENTS = Math.max(1, Math.round(PASSAGES / PER_DOCUMENT));

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;
function summary(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  return { p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99) };
}

async function main() {
  const server = await openDatabase("test");
  const admin = new URL(server.url);
  admin.pathname = "/postgres";
  const url = new URL(server.url);
  url.pathname = `/${(new URL(server.url).pathname.slice(1) || "sourcemark")}_sourcemark_bench`;
  await recreateDatabase(admin.toString(), url.pathname.slice(1));
  await migrate(url.toString());
  process.env.DATABASE_URL = url.toString();
  // Loaded only now: the one Prisma client reads DATABASE_URL when first used.
  const { prisma } = await import("../../lib/db.ts");
  const { Prisma } = await import("../../lib/generated/prisma/client.ts");
  const { importSourceDocument } = await import("../../lib/services/sources/import-source-document.ts");
  const { searchPassages } = await import("../../lib/services/search/search-passages.ts");
  try {
    const user = await prisma.user.create({ data: { email: "bench@sourcemark.test", name: "Bench", role: "editor" } });
    const actor = { id: user.id, role: user.role, email: user.email, name: user.name };

    console.log(`importing ${DOCUMENTS} generated documents × ${PER_DOCUMENT} speaker turns through importSourceDocument…`);
    const samples: Sample[] = [];
    const documents = [...generateCorpus(42, DOCUMENTS, PER_DOCUMENT)];
    let chars = 0;
    const started = performance.now();
    // Two imports at a time: one per core, as two editors importing at once.
    const queue = [...documents];
    await Promise.all(
      [0, 1].map(async () => {
        for (let doc = queue.shift(); doc; doc = queue.shift()) {
          await importSourceDocument({ actor, input: { ...doc, onDuplicate: "new_version" } });
          chars += doc.text.length;
          const turns = doc.text.split("\n\n");
          for (let i = 0; i < 3; i++) {
            const text = turns[(i * 97) % turns.length]!;
            samples.push({ text, speaker: text.slice(0, text.indexOf(":")), kind: doc.kind, date: doc.date });
          }
        }
      }),
    );
    const importSeconds = (performance.now() - started) / 1000;
    const passageCount = await prisma.passage.count();
    // What autovacuum would do soon after a bulk load: merge GIN pending lists, fresh statistics.
    await prisma.$executeRawUnsafe("VACUUM ANALYZE passages");
    await prisma.$executeRawUnsafe("VACUUM ANALYZE source_documents");

    const queries = benchQueries(samples);
    const input = (q: (typeof queries)[number]) => ({ q: q.q, ...q.filters });
    for (const q of queries.slice(0, 20)) await searchPassages({ actor, input: input(q) }); // warm-up
    const times: Record<string, number[]> = {};
    const foundBy: Record<string, number> = {};
    const all: number[] = [];
    const slowest: { ms: number; q: string }[] = [];
    let found = 0;
    for (const q of queries) {
      const t = performance.now();
      const page = await searchPassages({ actor, input: input(q) });
      const elapsed = performance.now() - t;
      if (page.results.length > 0) {
        found++;
        foundBy[q.category] = (foundBy[q.category] ?? 0) + 1;
      }
      (times[q.category] ??= []).push(elapsed);
      all.push(elapsed);
      slowest.push({ ms: elapsed, q: `${q.category}: ${JSON.stringify(q.q)} ${JSON.stringify(q.filters)}` });
    }

    const naive: number[] = [];
    for (const q of queries) {
      const f = q.filters;
      const conditions = q.q.split(" ").map((w) => Prisma.sql`p.text ILIKE ${`%${w}%`}`);
      const filters = [
        f.speaker ? Prisma.sql`AND p.speaker ILIKE ${`%${f.speaker}%`}` : Prisma.empty,
        f.kind ? Prisma.sql`AND d.kind = ${f.kind}::"SourceKind"` : Prisma.empty,
        f.primaryOnly ? Prisma.sql`AND d."primary"` : Prisma.empty,
        f.from ? Prisma.sql`AND d.date BETWEEN ${f.from}::date AND ${f.to}::date` : Prisma.empty,
      ];
      const t = performance.now();
      await prisma.$queryRaw(Prisma.sql`SELECT p.id FROM passages p JOIN source_documents d ON d.id = p.document_id
        WHERE ${Prisma.join(conditions, " AND ")} ${Prisma.join(filters, " ")} ORDER BY d.date DESC, p.ordinal LIMIT 21`);
      naive.push(performance.now() - t);
    }

    const s = summary(all);
    const n = summary(naive);
    console.log(`\nimport: ${passageCount.toLocaleString("en")} passages, ${(chars / 1e6).toFixed(1)} M characters in ${importSeconds.toFixed(1)} s`);
    console.log(`        ${Math.round(passageCount / importSeconds).toLocaleString("en")} passages/s, ${(chars / 1e6 / importSeconds).toFixed(2)} M characters/s`);
    console.log(`\nsearch (searchPassages, ${queries.length} queries, ${found} with results):`);
    for (const [category, list] of Object.entries(times)) {
      const c = summary(list);
      console.log(`  ${category.padEnd(18)} p50 ${ms(c.p50).padStart(9)}  p95 ${ms(c.p95).padStart(9)}  p99 ${ms(c.p99).padStart(9)}   ${foundBy[category] ?? 0}/${list.length} found something`);
    }
    console.log(`  ${"all".padEnd(18)} p50 ${ms(s.p50).padStart(9)}  p95 ${ms(s.p95).padStart(9)}  p99 ${ms(s.p99).padStart(9)}`);
    console.log(`naive ILIKE scan (same queries, every word ILIKE, ordered, LIMIT 21):`);
    console.log(`  ${"all".padEnd(18)} p50 ${ms(n.p50).padStart(9)}  p95 ${ms(n.p95).padStart(9)}  p99 ${ms(n.p99).padStart(9)}`);
    console.log(`slowest searches:`);
    for (const slow of slowest.sort((a, b) => b.ms - a.ms).slice(0, 3)) console.log(`  ${ms(slow.ms).padStart(9)}  ${slow.q}`);
    console.log(`\nspeed-up at p50: ${(n.p50 / s.p50).toFixed(1)}×   (targets: p95 under 100 ms, at least 20× at p50)`);
  } finally {
    await prisma.$disconnect();
    await server.stop();
  }
}

main().catch(fail);
