// `npm run check:start-stop`: a fresh `npm start` in this checkout (embedded PostgreSQL in a new
// data folder, so it seeds the demo), a few requests so the app holds database connections, then
// Ctrl-C as a terminal sends it (SIGINT to the whole process group). Checks that the app stops
// first and the database after it, within a minute, exit 0, with no stack trace (plain or inside
// a JSON log line) and no lost-connection warning. Builds first if the code changed since the
// last `npm start` build, so it can take a few minutes; not part of `npm test`.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { userInfo } from "node:os";
import { PROJECT_ROOT } from "./db/database.ts";

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const portAnswers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

const stopGroup = (pid: number, signal: NodeJS.Signals) => {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
};

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
    const start = spawn("npm", ["start"], {
      cwd: PROJECT_ROOT,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let afterStop = "";
    let stopping = false;
    // npm itself ends by the SIGINT it was sent (as in a terminal): that is a normal Ctrl-C.
    const exited = new Promise<number | null>((resolve) =>
      start.on("exit", (code, signal) => resolve(signal === "SIGINT" ? 0 : code)),
    );
    const ready = new Promise<boolean>((resolve) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (stopping) afterStop += chunk.toString();
        if (output.includes("Sourcemark is running at")) resolve(true);
      };
      start.stdout.on("data", onData);
      start.stderr.on("data", onData);
      void exited.then(() => resolve(false));
      setTimeout(() => resolve(false), 20 * 60_000).unref();
    });
    if (!(await ready)) {
      stopGroup(start.pid!, "SIGINT");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
      console.log(output);
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
    stopping = true;
    stopGroup(start.pid!, "SIGINT");
    const code = await Promise.race([
      exited,
      new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 60_000)),
    ]);
    if (code === "timeout") stopGroup(start.pid!, "SIGKILL");
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

main().then(
  (result) => {
    console.log(`\ncheck:start-stop: ${result.ok ? "PASS" : "FAIL"}: ${result.message}`);
    process.exit(result.ok ? 0 : 1);
  },
  (error: unknown) => {
    console.log(`\ncheck:start-stop: FAIL: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    process.exit(1);
  },
);
