// `npm run check:start-private` (as root): clones this repository into a folder only root can
// enter (mode 700, like a home folder), runs the README's `npm install && npm start` there with
// the embedded PostgreSQL, and checks that the app serves, that no stack trace was printed and
// that Ctrl-C stops it. It takes several minutes (install, first build), so it is not part of
// `npm test`. The clone is of the last commit: commit before checking.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "./db/database.ts";
import { freePort, runCheck, startNpmStart } from "./start-check.ts";

const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

type Result = { ok: boolean; message: string };

async function main(): Promise<Result> {
  if (userInfo().uid !== 0)
    return { ok: true, message: "skipped: this check is about starting as root; run it as root." };
  const port = Number(process.env.CHECK_PORT ?? (await freePort()));
  const pgPort = Number(process.env.CHECK_PG_PORT ?? (await freePort()));
  const parent = mkdtempSync("/tmp/sourcemark-private-");
  chmodSync(parent, 0o700);
  const clone = path.join(parent, "sourcemark");
  const dataRoot = path.join("/var/tmp/sourcemark", createHash("sha256").update(clone).digest("hex").slice(0, 12));
  const cleanUp = () => {
    rmSync(parent, { recursive: true, force: true });
    rmSync(dataRoot, { recursive: true, force: true });
  };
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    }).trim();
    console.log(`cloning ${commit} into ${clone} (parent folder mode 700)…`);
    execFileSync("git", ["clone", "--quiet", "--no-hardlinks", PROJECT_ROOT, clone], { stdio: "inherit" });
    execFileSync("git", ["checkout", "--quiet", commit], { cwd: clone, stdio: "inherit" });
    console.log("npm install…");
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], {
      cwd: clone,
      stdio: ["ignore", "ignore", "inherit"],
    });
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), SOURCEMARK_PG_PORT: String(pgPort) };
    for (const name of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "SOURCEMARK_DATA_DIR", "SOURCEMARK_DEMO"])
      delete env[name];
    console.log(`npm start (app on ${port}, embedded PostgreSQL on ${pgPort})…`);
    const start = startNpmStart(clone, env, { echo: true });
    if (!(await start.ready)) {
      await start.stop(30_000);
      return {
        ok: false,
        message: `npm start did not get to serving${STACK_LINE.test(start.output()) ? ", and printed a stack trace" : ""}; its output is above.`,
      };
    }
    const health = await fetch(`http://localhost:${port}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    const signIn = await fetch(`http://localhost:${port}/signin`).then(
      (r) => r.status,
      () => 0,
    );
    const code = await start.stop(60_000);
    const problems = [
      health !== 200 && `/api/health answered ${health}`,
      signIn !== 200 && `/signin answered ${signIn}`,
      STACK_LINE.test(start.output()) && "a stack trace was printed",
      code === "timeout" && "Ctrl-C did not stop it within a minute",
    ].filter(Boolean);
    if (problems.length) return { ok: false, message: problems.join("; ") };
    return {
      ok: true,
      message: `a clone in a mode-700 folder installed, started as root and served (/api/health ${health}, /signin ${signIn}), printed no stack trace, and stopped on Ctrl-C.`,
    };
  } finally {
    cleanUp();
  }
}

runCheck("check:start-private", main);
