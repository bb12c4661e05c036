// `npm test`: lint, typecheck, unit tests, integration tests against real PostgreSQL, and
// end-to-end tests in Chromium against the production build. Uses DATABASE_URL's server when
// set (in a separate, throwaway database beside the one named), else an embedded PostgreSQL.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { isLocalDatabase, openDatabase, PROJECT_ROOT, recreateDatabase, StartupError } from "./db/database.ts";
import { migrate } from "./db/migrate.ts";
import { appEnv, fail, failOnStrayErrors, NEXT_BIN } from "./runtime.ts";

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const wants = (step: string) => !only || only === step;
// Anything after the options goes to Playwright: `npm run test:e2e -- e2e/review.spec.ts -g approve`.
const playwrightArgs = args.filter((a, i) => a !== "--only" && args[i - 1] !== "--only");
// Not under test-results/: Playwright empties that folder when it starts.
const reports = path.join(PROJECT_ROOT, "test-reports");
const counts = { passed: 0, failed: 0, skipped: 0 };

function run(label: string, command: string, commandArgs: string[], env: NodeJS.ProcessEnv = appEnv({})): void {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, commandArgs, { cwd: PROJECT_ROOT, env, stdio: "inherit" });
  if (result.status !== 0) {
    printSummary();
    throw new StartupError(`${label} failed (exit ${result.status ?? result.signal}).`);
  }
}

const npx = (bin: string) => path.join(PROJECT_ROOT, "node_modules", ".bin", bin);

function addVitestCounts(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + report.numTodoTests;
}

function addPlaywrightCounts(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  counts.passed += report.stats.expected + report.stats.flaky;
  counts.failed += report.stats.unexpected;
  counts.skipped += report.stats.skipped;
}

function printSummary() {
  console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}

function siblingUrl(url: string, name: string): { url: string; adminUrl: string; name: string } {
  const parsed = new URL(url);
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  parsed.pathname = `/${name}`;
  return { url: parsed.toString(), adminUrl: adminUrl.toString(), name };
}

async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  if (!isLocalDatabase(serverUrl)) {
    throw new StartupError(
      `Refusing to run tests against ${new URL(serverUrl).hostname}: tests drop and create databases, so they only run against a local server.`,
    );
  }
  const target = siblingUrl(serverUrl, name);
  await recreateDatabase(target.adminUrl, target.name);
  await migrate(target.url);
  return target.url;
}

async function main() {
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });
  if (wants("lint")) run("lint", npx("eslint"), ["--max-warnings=0", "."]);
  // One formatting for everyone (.prettierrc.json); `npm run format` fixes what this reports.
  if (wants("format"))
    run("format (prettier --check; `npm run format` fixes it)", npx("prettier"), ["--check", "--log-level=warn", "."]);
  if (wants("typecheck")) run("typecheck", npx("tsc"), ["--noEmit", "-p", "."]);
  // Unused files, dependencies and exports (knip.json says what Next and our scripts load).
  if (wants("unused")) run("unused code (knip)", npx("knip"), ["--no-config-hints"]);
  if (wants("unit")) {
    run("unit tests", npx("vitest"), [
      "run",
      "--project",
      "unit",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${reports}/unit.json`,
    ]);
    addVitestCounts(`${reports}/unit.json`);
  }
  if (!wants("integration") && !wants("e2e")) {
    if (wants("ops")) runOpsTests();
    return printSummary();
  }

  const server = await openDatabase("test");
  const base = process.env.DATABASE_URL
    ? new URL(process.env.DATABASE_URL).pathname.slice(1) || "postgres"
    : "sourcemark";
  try {
    if (wants("integration")) {
      const url = await freshDatabase(server.url, `${base}_sourcemark_it`);
      run(
        "integration tests (PostgreSQL)",
        npx("vitest"),
        [
          "run",
          "--project",
          "integration",
          "--reporter=default",
          "--reporter=json",
          `--outputFile.json=${reports}/integration.json`,
        ],
        appEnv({ DATABASE_URL: url }),
      );
      addVitestCounts(`${reports}/integration.json`);
    }
    if (wants("e2e")) {
      const url = await freshDatabase(server.url, `${base}_sourcemark_e2e`);
      const e2ePort = process.env.E2E_PORT ?? "3100";
      const env = appEnv({
        DATABASE_URL: url,
        E2E_PORT: e2ePort,
        NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
        NEXTAUTH_URL: `http://localhost:${e2ePort}`,
        SIGNIN_RATE_WINDOW_SECONDS: "8",
        E2E_REPORT: `${reports}/e2e.json`,
      });
      run(
        "seed the e2e workspace",
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "scripts/seed-cli.ts"],
        env,
      );
      run("production build", process.execPath, [NEXT_BIN, "build"], { ...env, NODE_ENV: "production" });
      const e2e = spawnSync(npx("playwright"), ["test", ...playwrightArgs], {
        cwd: PROJECT_ROOT,
        env,
        stdio: "inherit",
      });
      addPlaywrightCounts(`${reports}/e2e.json`);
      if (e2e.status !== 0) {
        printSummary();
        throw new StartupError("end-to-end tests failed.");
      }
    }
  } finally {
    await server.stop();
  }
  if (wants("ops")) runOpsTests();
  printSummary();
}

/**
 * The operations tests (scripts/ops): a real streaming standby, two instances behind nginx, a
 * PostgreSQL restart under load. They start their own PostgreSQL 15 servers (Debian's
 * postgresql-15, which .ci/run installs) and nginx, on loopback ports of their own, and need the
 * production build (the e2e stage's, else one is made). About half a minute.
 */
function runOpsTests() {
  const pgBin = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
  const missing = [
    !existsSync(path.join(pgBin, "pg_ctl")) && `PostgreSQL 15 server programs (${pgBin}; Debian package postgresql-15)`,
    spawnSync("nginx", ["-v"], { stdio: "ignore" }).status !== 0 && "nginx (Debian package nginx)",
    process.getuid?.() === 0 &&
      spawnSync("id", ["postgres"], { stdio: "ignore" }).status !== 0 &&
      "the postgres OS user (made by the postgresql-15 package)",
  ].filter(Boolean);
  if (missing.length) {
    console.log(
      `\n▶ operations tests: SKIPPED, missing ${missing.join(" and ")}. As root, bash .ci/run installs them.`,
    );
    counts.skipped += 1;
    return;
  }
  if (!existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID")))
    run("production build", process.execPath, [NEXT_BIN, "build"], { ...appEnv({}), NODE_ENV: "production" });
  run(
    "operations tests (scripts/ops: replica, two instances behind nginx, PostgreSQL restart)",
    npx("vitest"),
    [
      "run",
      "--config",
      "scripts/ops/vitest.ops.config.ts",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${reports}/ops.json`,
    ],
    appEnv({}),
  );
  addVitestCounts(`${reports}/ops.json`);
}

failOnStrayErrors();
main().catch(fail);
