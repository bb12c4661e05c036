// `npm run bench:quotes [-- --passages N] [-- --reuse]`: "Check quotes" on a generated
// 20,000-word article with 200 quotations over the generated 100,000-passage corpus of
// bench:sources (same seed, imported the same way into its own throwaway database). The
// quotations are taken from the corpus — word for word, with a word changed, with punctuation
// and case changed — or made up, so every quote-check result occurs. Prints the total time
// (target under 15 s), the time per quotation and what was found; asserts nothing.
// --reuse keeps the database of an earlier run when it already holds the corpus.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { paragraphsToDoc } from "../../lib/editor/body.ts";
import { openDatabase, recreateDatabase } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";
import { fail } from "../runtime.ts";
import { generateCorpus, rng } from "./corpus.ts";
import { generateParagraphs } from "./generate-article.ts";
import { realImport } from "./sources-load.ts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PASSAGES = arg("passages", 100_000);
const PER_DOCUMENT = Math.min(500, PASSAGES);
const DOCUMENTS = Math.max(1, Math.round(PASSAGES / PER_DOCUMENT));
const WORDS = 20_000;
const QUOTATIONS = 200;
const SPEAKERS = ["Putin said", "Bush told reporters", "the Russian President added", "Rice replied"];

async function passageCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM passages");
    return Number(rows[0]!.n);
  } catch {
    return 0;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Sentences of the corpus, one from every few speaker turns, as the article's quotations. */
function quotationsFrom(sentences: string[], random: () => number): string[] {
  return Array.from({ length: QUOTATIONS }, (_, i) => {
    const sentence = sentences[Math.floor((i / QUOTATIONS) * sentences.length)]!;
    const words = sentence.split(" ");
    switch (i % 5) {
      case 0:
      case 1:
        return sentence; // verbatim
      case 2: {
        const k = 1 + Math.floor(random() * (words.length - 2));
        words[k] = words[k] === "never" ? "always" : "never"; // a word changed: altered
        return words.join(" ");
      }
      case 3:
        return `${sentence.replace(/\.$/, "")}!`.toLowerCase(); // case and punctuation: minor
      default:
        return words.reverse().join(" "); // the same words out of order: not the source's
    }
  });
}

/** 20,000 words in paragraphs of about 100, each holding one attributed quotation. */
function articleParagraphs(quotes: string[]): string[] {
  const quoteWords = quotes.reduce((n, q) => n + q.split(" ").length, 0);
  // Filler comes from the real corpus, without its quotation marks (they would be quotations too).
  const filler = generateParagraphs(WORDS - quoteWords, 7)
    .join(" ")
    .replace(/["“”„«»]|(?<!\p{L})['‘’]|['‘’](?!\p{L})/gu, "")
    .split(/\s+/)
    .filter(Boolean);
  const per = Math.floor(filler.length / quotes.length);
  return quotes.map((quote, i) => {
    const words = filler.slice(i * per, (i + 1) * per);
    const half = Math.floor(words.length / 2);
    const speaker = SPEAKERS[i % SPEAKERS.length]!;
    return `${words.slice(0, half).join(" ")}. ${speaker[0]!.toUpperCase()}${speaker.slice(1)}, “${quote}” ${words.slice(half).join(" ")}.`;
  });
}

async function main() {
  const server = await openDatabase("test");
  const admin = new URL(server.url);
  admin.pathname = "/postgres";
  const url = new URL(server.url);
  url.pathname = `/${new URL(server.url).pathname.slice(1) || "sourcemark"}_sourcemark_bench_quotes`;
  const reuse = process.argv.includes("--reuse") && (await passageCount(url.toString())) >= PASSAGES;
  if (!reuse) await recreateDatabase(admin.toString(), url.pathname.slice(1));
  await migrate(url.toString());
  process.env.DATABASE_URL = url.toString();
  // Loaded only now: the one Prisma client reads DATABASE_URL when first used.
  const { prisma, closeDatabase } = await import("../../lib/db.ts");
  const { createArticle } = await import("../../lib/services/articles/create-article.ts");
  const { auditQuotes } = await import("../../lib/services/quote-audit/audit-quotes.ts");
  try {
    const user = await prisma.user.upsert({
      where: { email: "bench@sourcemark.test" },
      update: {},
      create: { email: "bench@sourcemark.test", name: "Bench", role: "editor" },
    });
    const actor = { id: user.id, role: user.role, email: user.email, name: user.name };

    const sentences: string[] = [];
    const documents = [...generateCorpus(42, DOCUMENTS, PER_DOCUMENT)];
    for (const [d, doc] of documents.entries()) {
      const turns = doc.text.split("\n\n");
      const turn = turns[(d * 37) % turns.length]!;
      sentences.push(
        ...turn
          .slice(turn.indexOf(":") + 2)
          .split(/(?<=\.) /)
          .slice(0, 2),
      );
    }
    if (reuse) console.log(`reusing the corpus already imported into ${url.pathname.slice(1)}`);
    else {
      console.log(
        `importing ${DOCUMENTS} generated documents × ${PER_DOCUMENT} speaker turns (the bench:sources corpus)…`,
      );
      const started = performance.now();
      await realImport(documents, actor);
      await prisma.$executeRawUnsafe("VACUUM ANALYZE passages");
      await prisma.$executeRawUnsafe("VACUUM ANALYZE source_documents");
      console.log(
        `imported ${(await prisma.passage.count()).toLocaleString("en")} passages in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }

    const paragraphs = articleParagraphs(quotationsFrom(sentences, rng(3)));
    const words = paragraphs.join(" ").split(/\s+/).length;
    const article = await createArticle({
      actor,
      input: { title: `Bench article ${Date.now()}`, body: paragraphsToDoc(paragraphs) },
    });

    const started = performance.now();
    const seen: number[] = [];
    const audit = await auditQuotes({
      actor,
      articleId: article.id,
      onProgress: (event) => {
        if (event.type === "quotation") seen.push(performance.now() - started);
        if (event.type === "quotation" && event.done % 50 === 0)
          console.log(
            `  checked ${event.done} of ${event.total} quotations (${((performance.now() - started) / 1000).toFixed(1)} s)`,
          );
      },
    });
    const total = performance.now() - started;
    const gaps = seen.map((t, i) => t - (seen[i - 1] ?? 0)).sort((a, b) => a - b);
    const results: Record<string, number> = {};
    for (const p of audit.proposals)
      results[p.best?.result ?? "no passage"] = (results[p.best?.result ?? "no passage"] ?? 0) + 1;

    console.log(
      `\ncheck quotes: ${words.toLocaleString("en")}-word article, ${audit.proposals.length} quotations, ${(await prisma.passage.count()).toLocaleString("en")} passages`,
    );
    console.log(`  total           ${(total / 1000).toFixed(2)} s   (target under 15 s)`);
    console.log(
      `  per quotation   ${(total / Math.max(1, audit.proposals.length)).toFixed(1)} ms (wall clock, quotations checked 4 at a time)`,
    );
    console.log(
      `  between progress lines: p50 ${gaps[Math.floor(gaps.length / 2)]?.toFixed(1)} ms, max ${gaps[gaps.length - 1]?.toFixed(1)} ms`,
    );
    console.log(`  first progress line after ${(seen[0] ?? 0).toFixed(0)} ms`);
    console.log(
      `  best results: ${Object.entries(results)
        .map(([k, n]) => `${k} ${n}`)
        .join(", ")}`,
    );
  } finally {
    await closeDatabase(); // ends the pools too, so stopping the database cuts no idle connection
    await server.stop();
  }
}

main().catch(fail);
