// `npm run check:start-stop`: a fresh `npm start` in this checkout (embedded PostgreSQL in a new
// data folder, so it seeds the demo), a few requests so the app holds database connections, then
// Ctrl-C as a terminal sends it (SIGINT to the whole process group). Checks that the app stops
// first and the database after it, within a minute, exit 0, with no stack trace (plain or inside
// a JSON log line) and no lost-connection warning. Builds first if the code changed since the
// last `npm start` build, so it can take a few minutes; not part of `npm test`.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { userInfo } from "node:os";
import { PROJECT_ROOT } from "./db/database.ts";
import { freePort, runCheck, startNpmStart } from "./start-check.ts";

const portAnswers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

/** A stack frame printed as text, or one inside a JSON log line (pino writes `"stack":"…\n    at …"`). */
const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$|"stack":|\\n\s+at /m;
const LOST_CONNECTION = /connection lost|terminating connection|Connection terminated/i;

type Result = { ok: boolean; message: string };

async function main(): Promise<Result> {
  const port = Number(process.env.CHECK_PORT ?? (await freePort()));
  const pgPort = Number(process.env.CHECK_PG_PORT ?? (await freePort()));
  const data = mkdtempSync("/var/tmp/sourcemark-start-stop-");
  // As root the embedded PostgreSQL runs as `postgres`, which must reach its data folder.
  if (userInfo().uid === 0) chmodSync(data, 0o755);
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      SOURCEMARK_PG_PORT: String(pgPort),
      SOURCEMARK_DATA_DIR: data,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    for (const name of ["DATABASE_URL", "DATABASE_REPLICA_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "SOURCEMARK_DEMO"])
      delete env[name];
    console.log(`npm start (app on ${port}, embedded PostgreSQL on ${pgPort}, data in ${data})…`);
    const start = startNpmStart(PROJECT_ROOT, env);
    if (!(await start.ready)) {
      await start.stop(30_000);
      console.log(start.output());
      return { ok: false, message: "npm start did not get to serving; its output is above." };
    }
    // Pages and the API, so the app's pools hold open connections when Ctrl-C comes.
    const statuses: number[] = [];
    for (const p of ["/api/ready", "/", "/signin", "/read/feed.xml", "/api/ready"])
      statuses.push(
        await fetch(`http://127.0.0.1:${port}${p}`).then(
          (r) => r.status,
          () => 0,
        ),
      );
    const before = start.output().length;
    const code = await start.stop(60_000);
    const output = start.output();
    const afterStop = output.slice(before);
    const databaseStillUp = await portAnswers(pgPort);
    console.log(`--- what npm start printed after Ctrl-C ---\n${afterStop.trimEnd()}\n---`);
    const problems = [
      statuses.some((s) => s !== 200) && `requests before Ctrl-C answered ${statuses.join(", ")}`,
      code === "timeout" && "Ctrl-C did not stop it within a minute",
      code !== "timeout" && code !== 0 && `it exited with ${code}`,
      STACK.test(output) && "a stack trace was printed",
      LOST_CONNECTION.test(afterStop) && "a lost-connection warning was printed",
      (afterStop.match(/stopping \(SIGINT\)/g) ?? []).length !== 1 && "it did not say once that it was stopping",
      !/"msg":"stopped"[^\n]*\n[\s\S]*stopped\.$/.test(afterStop.trimEnd()) &&
        "the app did not report stopping before the database",
      databaseStillUp && `the embedded PostgreSQL still answers on ${pgPort}`,
    ].filter(Boolean);
    if (problems.length) return { ok: false, message: problems.join("; ") };
    return {
      ok: true,
      message: `served (${statuses.join(", ")}), then Ctrl-C stopped the app and then the database in order, exit 0, no stack trace, no lost-connection warning; ${afterStop.trimEnd().split("\n").length} lines after Ctrl-C.`,
    };
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

runCheck("check:start-stop", main);
