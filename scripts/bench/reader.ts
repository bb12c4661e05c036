// `npm run bench:reader`: requests/s and latency of the published demo article's reader page
// against a static file of the same size, served by the same production server (`next start`)
// on loopback, 32 connections (autocannon). The issue's target: the page reaches at least 50%
// of the static file's requests/s with p99 under 100 ms. Figures are printed, never asserted.
// Needs a production build (`npx next build`).
import { existsSync, openSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { spawn } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import { openDatabase, recreateDatabase, PROJECT_ROOT } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";
import { fail } from "../runtime.ts";

const PORT = Number(process.env.BENCH_PORT ?? 3290);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const STATIC_DIR = path.join(PROJECT_ROOT, "public", "bench");
const SEED_QUOTE =
  "I am concerned about Pakistan. It is just a junta with nuclear weapons. It is no democracy, yet the West makes no criticism of it.";

/** Publishes the demo article with its seed quote checked, through the real services. */
async function publishDemo(): Promise<string> {
  const { prisma, closeDatabase } = await import("../../lib/db.ts");
  const { seedDemoWorkspace } = await import("../../prisma/demo/seed.ts");
  const { createClaim } = await import("../../lib/services/claims/create-claim.ts");
  const { linkEvidence } = await import("../../lib/services/evidence/link-evidence.ts");
  const { updateClaim } = await import("../../lib/services/claims/update-claim.ts");
  const { submitClaim } = await import("../../lib/services/claims/submit-claim.ts");
  const { reviewClaim } = await import("../../lib/services/reviews/review-claim.ts");
  const { publishArticle } = await import("../../lib/services/publishing/publish-article.ts");
  await seedDemoWorkspace(() => {});
  const users = await prisma.user.findMany();
  const as = (role: string) => {
    const u = users.find((x) => x.role === role)!;
    return { id: u.id, role: u.role, email: u.email, name: u.name };
  };
  const editor = as("editor");
  const article = await prisma.article.findFirstOrThrow();
  const start = article.bodyText.indexOf(SEED_QUOTE);
  const { claim } = await createClaim({
    actor: editor,
    articleId: article.id,
    input: {
      version: article.version,
      claim: { kind: "quote", speaker: "Vladimir Putin" },
      start,
      end: start + SEED_QUOTE.length,
    },
  });
  let version = claim.version;
  for (const [slug, words] of [
    [
      "indiatv-2025-12-26",
      'I am concerned about Pakistan," Putin said. "It is just a junta with nuclear weapons. It is no democracy, yet the West makes no criticism of it.',
    ],
    [
      "wion-2025-12-25",
      'I am concerned about Pakistan," he told Bush. "It is just a junta with nuclear weapons. It is no democracy, yet the West does not criticize it.',
    ],
  ] as const) {
    const passage = await prisma.passage.findFirstOrThrow({ where: { document: { slug }, text: { contains: words } } });
    const from = passage.text.indexOf(words);
    version = (
      await linkEvidence({
        actor: editor,
        claimId: claim.id,
        input: { passageId: passage.id, start: from, end: from + words.length, relation: "supports" },
      })
    ).claim.version;
  }
  version = (
    await updateClaim({
      actor: editor,
      claimId: claim.id,
      input: {
        version,
        verdictKey: "accurate_needs_context",
        rationale: "Two news reports print these words; the primary memcon is not public.",
      },
    })
  ).version;
  version = (await submitClaim({ actor: editor, claimId: claim.id, input: { version } })).version;
  await reviewClaim({ actor: as("reviewer"), claimId: claim.id, input: { version, decision: "approve" } });
  await publishArticle({ actor: editor, articleId: article.id });
  await closeDatabase();
  return article.id;
}

async function waitFor(url: string, tries = 240) {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(30_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}

async function load(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function main() {
  if (!existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID")))
    throw new Error("No production build: run `npx next build` first.");
  const server = await openDatabase("test");
  const admin = new URL(server.url);
  admin.pathname = "/postgres";
  const name = `${new URL(process.env.DATABASE_URL ?? server.url).pathname.slice(1) || "sourcemark"}_bench_reader`;
  await recreateDatabase(admin.toString(), name);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  await migrate(process.env.DATABASE_URL);
  const articleId = await publishDemo();

  const base = `http://127.0.0.1:${PORT}`;
  // The server's output goes to a file, for when a start fails on a busy machine.
  const logFile = path.join(PROJECT_ROOT, "test-reports", "bench-reader-server.log");
  await mkdir(path.dirname(logFile), { recursive: true });
  const stdio = ["ignore", openSync(logFile, "a"), openSync(logFile, "a")] as const;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production" as const,
    PORT: String(PORT),
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: "bench-only-secret-0123456789abcdef",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // The static file must exist before the server starts: next start lists public/ at boot.
  const first = spawn(
    process.execPath,
    [path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT), "-H", "127.0.0.1"],
    { cwd: PROJECT_ROOT, env, stdio: [...stdio] },
  );
  let page = "";
  try {
    await waitFor(`${base}/api/health`);
    const response = await fetch(`${base}/read/${articleId}`, { signal: AbortSignal.timeout(120_000) });
    if (!response.ok) throw new Error(`the reader page answered ${response.status} (server log: ${logFile})`);
    page = await response.text();
  } finally {
    // The second server needs the port: wait until the first has let go of it.
    const exited = new Promise((resolve) => first.once("exit", resolve));
    first.kill("SIGTERM");
    await exited;
  }
  await mkdir(STATIC_DIR, { recursive: true });
  await writeFile(path.join(STATIC_DIR, "reader-static.html"), page);
  const next = spawn(
    process.execPath,
    [path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT), "-H", "127.0.0.1"],
    { cwd: PROJECT_ROOT, env, stdio: [...stdio] },
  );
  try {
    await waitFor(`${base}/api/health`);
    const pageUrl = `${base}/read/${articleId}`;
    const staticUrl = `${base}/bench/reader-static.html`;
    await fetch(pageUrl); // the first visit renders the page from the snapshot; the rest are cache hits
    await load(pageUrl); // warm-up, discarded
    const reader = await load(pageUrl);
    const file = await load(staticUrl);
    // For scale, in the same conditions: a page rendered per request (session + database).
    const dynamicPage = await load(`${base}/`);
    console.log(`\nSourcemark reader benchmark: ${CONNECTIONS} connections, ${SECONDS} s each, loopback, next start`);
    console.log(`  page size: ${(Buffer.byteLength(page) / 1024).toFixed(1)} KiB (the static file is a copy of it)`);
    const row = (label: string, r: Awaited<ReturnType<typeof load>>) =>
      console.log(
        `  ${label.padEnd(34)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms${r.non2xx || r.errors ? `   (${r.non2xx} non-2xx, ${r.errors} errors)` : ""}`,
      );
    row(`published article /read/${articleId.slice(0, 8)}…`, reader);
    row("static file of the same size", file);
    row("front page (dynamic, for scale)", dynamicPage);
    console.log(
      `  the page reaches ${((reader.rps / file.rps) * 100).toFixed(0)}% of the static file's requests/s   [target ≥ 50%, p99 < 100 ms]`,
    );
  } finally {
    next.kill("SIGTERM");
    await rm(STATIC_DIR, { recursive: true, force: true });
    await server.stop();
  }
}

main().catch(fail);
