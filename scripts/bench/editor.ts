// `npm run bench:editor`: a generated 20,000-word article with 1,000 claims. Prints the time to
// open it in the editor (Chromium, production build), to mark one more claim (browser, through
// the save), to save an edit (server, reconciling every claim), and to re-anchor every claim
// after an edit in the first paragraph (pure). Targets on a 2-core machine: open < 2 s,
// mark < 50 ms, save < 300 ms, re-anchor < 100 ms. Figures are printed, never asserted.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Node as PMNode } from "@tiptap/pm/model";
import { addClaimMark } from "../../lib/editor/claim-ranges.ts";
import { paragraphsToDoc } from "../../lib/editor/body.ts";
import { articleSchema } from "../../lib/editor/extensions.ts";
import { buildTextMap } from "../../lib/editor/text-map.ts";
import { describeRange } from "../../lib/text/anchoring/anchoring.ts";
import { reanchorAll } from "../../lib/text/anchoring/reanchor.ts";
import { openDatabase, recreateDatabase, PROJECT_ROOT } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";
import { fail } from "../runtime.ts";
import { generateClaimRanges, generateParagraphs } from "./generate-article.ts";
import { measureInBrowser } from "./editor-browser.ts";

const WORDS = Number(process.env.BENCH_WORDS ?? 20_000);
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 1_000);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;
function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const value = fn();
  return [value, performance.now() - t];
}

async function main() {
  const server = await openDatabase("test");
  const admin = new URL(server.url);
  admin.pathname = "/postgres";
  await recreateDatabase(admin.toString(), "sourcemark_bench_editor");
  const url = new URL(server.url);
  url.pathname = "/sourcemark_bench_editor";
  process.env.DATABASE_URL = url.toString();
  await migrate(process.env.DATABASE_URL);
  const { prisma } = await import("../../lib/db.ts");
  const { hashPassword } = await import("../../lib/auth/password.ts");
  const { updateArticle } = await import("../../lib/services/articles/update-article.ts");
  try {
    const schema = articleSchema();
    const paragraphs = generateParagraphs(WORDS);
    let doc = PMNode.fromJSON(schema, paragraphsToDoc(paragraphs));
    const text = buildTextMap(doc).text;
    const ranges = generateClaimRanges(text, CLAIMS).map((r) => ({ ...r, claimId: randomUUID() }));
    for (const range of ranges) doc = addClaimMark(doc, schema, range);
    const password = "bench password 123";
    const user = await prisma.user.create({ data: { email: `bench-${Date.now()}@sourcemark.test`, name: "Bench Editor", role: "editor", passwordHash: await hashPassword(password) } });
    const article = await prisma.article.create({ data: { title: "Benchmark article", body: doc.toJSON(), bodyText: text, createdById: user.id } });
    await prisma.claim.createMany({
      data: ranges.map((r) => {
        const s = describeRange(text, r.start, r.end);
        return { id: r.claimId, articleId: article.id, kind: "other" as const, exact: s.quote.exact, prefix: s.quote.prefix, suffix: s.quote.suffix, start: s.position.start, end: s.position.end, createdById: user.id };
      }),
    });
    console.log(`article: ${text.split(/\s+/).length.toLocaleString("en")} words, ${CLAIMS.toLocaleString("en")} claims, ${(JSON.stringify(doc.toJSON()).length / 1024).toFixed(0)} KiB of JSON`);

    // Re-anchor every claim after an edit in the first paragraph (pure, as the server would for a script's plain body).
    const edited = text.replace(/^(\S+)/, "$1 inserted words");
    const selectors = ranges.map((r) => ({ id: r.claimId, selectors: describeRange(text, r.start, r.end) }));
    const reanchorTimes = Array.from({ length: 20 }, () => time(() => reanchorAll(text, edited, selectors))[1]);

    // Save an edit in the first paragraph through the real service (validation, claim reconcile, one transaction).
    const actor = { id: user.id, role: user.role, email: user.email, name: user.name };
    let version = article.version;
    const saveTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const json = doc.toJSON() as { content: { content: { text: string }[] }[] };
      json.content[0]!.content[0]!.text = `Edit ${i}: ${json.content[0]!.content[0]!.text}`;
      const t = performance.now();
      const saved = await updateArticle({ actor, articleId: article.id, input: { version, body: json } });
      saveTimes.push(performance.now() - t);
      version = saved.version;
    }

    const browser = existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"))
      ? await measureInBrowser({ databaseUrl: process.env.DATABASE_URL, articleId: article.id, email: user.email, password })
      : null;

    console.log("\nSourcemark editor benchmark (targets in brackets)");
    if (browser) {
      console.log(`  open the editor (browser, to all ${CLAIMS} marks shown):  ${ms(browser.openMs)}   [< 2000 ms]`);
      console.log(`  mark one more claim (browser: select → mark shown):      ${ms(browser.markMs)}   [< 50 ms]`);
      console.log(`  mark one more claim, saved (browser → server → shown):   ${ms(browser.markSavedMs)}`);
    } else {
      console.log("  open / mark in the browser: skipped (no production build; run `npx next build` first)");
    }
    console.log(`  save an edit (server: validate, reconcile ${CLAIMS} claims, commit), median of 7: ${ms(median(saveTimes))}   [< 300 ms]`);
    console.log(`  re-anchor all ${CLAIMS} claims after an edit in the first paragraph, median of 20: ${ms(median(reanchorTimes))}   [< 100 ms]`);
  } finally {
    await prisma.$disconnect();
    await server.stop();
  }
}

main().catch(fail);
