// `npm start`: database (embedded unless DATABASE_URL), migrations, demo seed on first start,
// production build when the code changed, then `next start`. `npm run dev` = same, `next dev`.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isPortFree, openDatabase, PROJECT_ROOT, StartupError } from "./db/database.ts";
import { migrate } from "./db/migrate.ts";
import { appEnv, authSecret, fail, failOnStrayErrors, NEXT_BIN } from "./runtime.ts";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const verbose = Boolean(process.env.SOURCEMARK_VERBOSE);

// Rebuild only when what the build reads has changed since the last build.
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (["node_modules", ".next", ".data", "generated", ".git"].includes(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const s = statSync(full);
        hash.update(`${full}:${s.size}:${s.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ["app", "components", "lib", "types"])
    if (existsSync(path.join(PROJECT_ROOT, dir))) walk(path.join(PROJECT_ROOT, dir));
  for (const file of [
    "next.config.js",
    "package-lock.json",
    "postcss.config.mjs",
    "tsconfig.json",
    "prisma/schema.prisma",
  ]) {
    const full = path.join(PROJECT_ROOT, file);
    if (existsSync(full)) hash.update(readFileSync(full));
  }
  return hash.digest("hex");
}

async function main() {
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new StartupError(`PORT must be a number from 1 to 65535, not “${process.env.PORT}”.`);
  if (!(await isPortFree(port, "0.0.0.0"))) {
    throw new StartupError(
      `Port ${port} is already in use (is Sourcemark already running?). Stop that program, or start on another port: PORT=3001 npm start`,
    );
  }
  const db = await openDatabase("app", verbose ? (line) => console.log(`[postgres] ${line}`) : undefined);
  const demo = db.embedded || process.env.SOURCEMARK_DEMO === "1";
  let stopping = false;
  const stopDatabase = async () => {
    if (stopping) return;
    stopping = true;
    await db.stop();
  };
  // Until the app runs, Ctrl-C stops the database (in its own process group) and exits.
  const early = () => void stopDatabase().then(() => process.exit(130));
  process.on("SIGINT", early);
  process.on("SIGTERM", early);
  try {
    const secret = authSecret(demo);
    const migrated = await migrate(db.url, (line) => console.log(line));
    if (migrated.applied.length === 0) console.log("database schema is up to date");
    const env = appEnv({
      DATABASE_URL: db.url,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      PORT: String(port),
    });
    if (demo) {
      const seed = spawnSync(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "scripts/seed-cli.ts"],
        { cwd: PROJECT_ROOT, env, stdio: "inherit" },
      );
      if (seed.status !== 0) throw new StartupError("Seeding the demo workspace failed; the error is above.");
    }
    if (!dev) {
      const fingerprintFile = path.join(PROJECT_ROOT, ".next", "sourcemark-fingerprint");
      const fingerprint = sourceFingerprint();
      const built =
        existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID")) &&
        existsSync(fingerprintFile) &&
        readFileSync(fingerprintFile, "utf8") === fingerprint;
      if (!built) {
        console.log("building the app (first start, or the code changed); this takes a minute or two…");
        const build = spawnSync(process.execPath, [NEXT_BIN, "build"], {
          cwd: PROJECT_ROOT,
          env: { ...env, NODE_ENV: "production" },
          stdio: "inherit",
        });
        if (build.status !== 0) throw new StartupError("The build failed; the error is above.");
        writeFileSync(fingerprintFile, fingerprint);
      }
    }
    // Again: the build takes minutes, and another program may have taken the port meanwhile.
    if (!(await isPortFree(port, "0.0.0.0")))
      throw new StartupError(
        `Port ${port} was taken while the app was being built. Start again on another port: PORT=3001 npm start`,
      );
    // Production runs scripts/serve.ts (request ids, metrics, graceful shutdown) around Next's handler.
    const command = dev ? [NEXT_BIN, "dev", "-p", String(port)] : ["--import", "tsx", "scripts/serve.ts"];
    const next = spawn(process.execPath, command, { cwd: PROJECT_ROOT, env, stdio: ["inherit", "pipe", "inherit"] });
    next.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (/Ready in|started server|"msg":"listening on/i.test(chunk.toString())) {
        console.log(`\nSourcemark is running at http://localhost:${port}`);
        console.log(
          `Sign in at http://localhost:${port}/signin${demo ? " (demo accounts are listed in README.md, e.g. editor@sourcemark.test / sourcemark-editor)" : ""}`,
        );
        console.log("Press Ctrl-C to stop the app and its database.\n");
      }
    });
    process.off("SIGINT", early);
    process.off("SIGTERM", early);
    // Ctrl-C reaches the app directly too (same process group); the database is not in that group
    // and is stopped below, once the app has finished its requests and closed its connections.
    // tsx relays the terminal's signal as well, so the same Ctrl-C can arrive twice.
    let signalled = false;
    const shutdown = (signal: NodeJS.Signals) => {
      if (signalled) return;
      signalled = true;
      console.log(`\nstopping (${signal}): the app, then the database…`);
      next.kill(signal);
    };
    process.on("SIGINT", shutdown);
    process.on("SIGTERM", shutdown);
    const code = await new Promise<number>((resolve) => next.on("exit", (c) => resolve(c ?? 0)));
    await stopDatabase();
    console.log("stopped.");
    process.exit(code);
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

failOnStrayErrors();
main().catch(fail);
