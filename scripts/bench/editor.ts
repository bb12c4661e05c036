// `npm run bench:editor`: a generated 20,000-word article with 1,000 claims (issue 10). Prints,
// each beside its target (2-core machine), through report("editor", …):
//   open the editor with all marks shown (browser)                          < 700 ms
//   mark one more claim (browser: select → mark drawn)                      < 50 ms
//   a new claim saved and shown with its server state (browser → server → side panel), median of 5   < 150 ms
//   save an edit (server: validate, reconcile every claim, commit), median of 7   < 100 ms
//   typing with the side panel open, main-thread work per keystroke (its events, the frame that
//   shows it, the tasks it queued; read from the browser's trace), median and p95   < 16 ms
//   re-anchor all claims after an edit in the first paragraph (pure)       < 100 ms
// plus, without targets, what one new claim sends and the browser's autosave round trip.
// The browser figures need a production build (`npx next build`). Figures are printed, never asserted.
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
import { report, type Figure } from "./report.ts";

const WORDS = Number(process.env.BENCH_WORDS ?? 20_000);
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 1_000);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
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
  const { prisma, closeDatabase } = await import("../../lib/db.ts");
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
    const user = await prisma.user.create({
      data: {
        email: `bench-${Date.now()}@sourcemark.test`,
        name: "Bench Editor",
        role: "editor",
        passwordHash: await hashPassword(password),
      },
    });
    const article = await prisma.article.create({
      data: { title: "Benchmark article", body: doc.toJSON(), bodyText: text, createdById: user.id },
    });
    await prisma.claim.createMany({
      data: ranges.map((r) => {
        const s = describeRange(text, r.start, r.end);
        return {
          id: r.claimId,
          articleId: article.id,
          kind: "other" as const,
          exact: s.quote.exact,
          prefix: s.quote.prefix,
          suffix: s.quote.suffix,
          start: s.position.start,
          end: s.position.end,
          createdById: user.id,
        };
      }),
    });
    console.log(
      `article: ${text.split(/\s+/).length.toLocaleString("en")} words, ${CLAIMS.toLocaleString("en")} claims, ${(JSON.stringify(doc.toJSON()).length / 1024).toFixed(0)} KiB of JSON`,
    );

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
      ? await measureInBrowser({
          databaseUrl: process.env.DATABASE_URL,
          articleId: article.id,
          email: user.email,
          password,
          claims: CLAIMS,
        })
      : null;

    const figures: Figure[] = [];
    if (browser) {
      figures.push(
        {
          name: `open the editor, all ${CLAIMS.toLocaleString("en")} marks shown (browser)`,
          value: browser.openMs,
          unit: "ms",
          target: { op: "<", value: 700 },
        },
        {
          name: "mark one more claim (browser: select → mark drawn)",
          value: browser.markMs,
          unit: "ms",
          target: { op: "<", value: 50 },
        },
        {
          name: "new claim saved, shown with its server state (browser → server)",
          value: browser.markSavedMs,
          unit: "ms",
          target: { op: "<", value: 150 },
        },
        {
          name: `typing, side panel open: main-thread work per keystroke, median of ${browser.keystrokes}`,
          value: browser.keystrokeMedianMs,
          unit: "ms",
          target: { op: "<", value: 16 },
        },
        {
          name: "typing, side panel open: main-thread work per keystroke, p95",
          value: browser.keystrokeP95Ms,
          unit: "ms",
          target: { op: "<", value: 16 },
        },
        { name: "typing: the slowest keystroke's main-thread work", value: browser.keystrokeMaxMs, unit: "ms" },
        {
          name: "typing: keydown → its frame shown, median (waits for the frame)",
          value: browser.keystrokeLatencyMedianMs,
          unit: "ms",
        },
        { name: "typing: keydown → its frame shown, p95", value: browser.keystrokeLatencyP95Ms, unit: "ms" },
        { name: "typing: long tasks (> 50 ms) while typing", value: browser.longTasksWhileTyping, unit: "" },
        { name: "autosave of that typing (browser: PATCH → answer)", value: browser.autosaveMs, unit: "ms" },
      );
    } else {
      console.log("open / mark / type in the browser: skipped (no production build; run `npx next build` first)");
    }
    figures.push(
      {
        name: `save an edit (server, ${CLAIMS.toLocaleString("en")} claims), median of 7`,
        value: median(saveTimes),
        unit: "ms",
        target: { op: "<", value: 100 },
      },
      {
        name: `re-anchor all ${CLAIMS.toLocaleString("en")} claims (pure), median of 20`,
        value: median(reanchorTimes),
        unit: "ms",
        target: { op: "<", value: 100 },
      },
    );
    if (browser) {
      console.log(
        `one new claim sent ${browser.markRequests.count} request(s), ${browser.markRequests.bytes.toLocaleString("en")} bytes of request body: ${browser.markRequests.urls.join(", ")}; the request took ${browser.markRequests.requestMs.toFixed(0)} ms (median)`,
      );
      console.log(`the autosave sent ${browser.autosaveBytes.toLocaleString("en")} bytes`);
      console.log(
        `a keystroke's work, medians: the task that handled its events ${browser.keystrokeSplit.eventTaskMedianMs.toFixed(1)} ms, the rest (its frame, tasks it queued) ${browser.keystrokeSplit.restMedianMs.toFixed(1)} ms`,
      );
    }
    report("editor", figures);
  } finally {
    await closeDatabase(); // ends the pools too, so stopping the database cuts no idle connection
    await server.stop();
  }
}

main().catch(fail);
