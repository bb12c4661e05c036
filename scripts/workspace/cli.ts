// npm run workspace:export -- [--out FILE]   writes the workspace of DATABASE_URL to one JSON file
// npm run workspace:import -- FILE           loads it into the empty, migrated DATABASE_URL
import { readFileSync, writeFileSync } from "node:fs";
import pg from "pg";
import { StartupError } from "../db/database.ts";
import { fail } from "../runtime.ts";
import { exportWorkspace, importWorkspace, WorkspaceImportError, type WorkspaceFile } from "./dump.ts";

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!url) throw new StartupError("Set DATABASE_URL to the database to export from or import into.");
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    if (command === "export") {
      const outIndex = args.indexOf("--out");
      const out =
        outIndex >= 0
          ? args[outIndex + 1]
          : `sourcemark-workspace-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
      if (!out) throw new StartupError("--out needs a file name.");
      const file = await exportWorkspace(db);
      writeFileSync(out, `${JSON.stringify(file)}\n`, { mode: 0o600 });
      const counts = Object.entries(file.tables)
        .map(([t, d]) => `${t} ${d.rows.length}`)
        .join(", ");
      console.log(`exported to ${out}: ${counts}`);
    } else if (command === "import") {
      const input = args[0];
      if (!input) throw new StartupError("Name the file to import: npm run workspace:import -- FILE");
      const file = JSON.parse(readFileSync(input, "utf8")) as WorkspaceFile;
      const counts = await importWorkspace(db, file);
      console.log(
        `imported ${input}: ${Object.entries(counts)
          .map(([t, n]) => `${t} ${n}`)
          .join(", ")}`,
      );
      console.log(
        "Users have no password after an import: an admin sets new ones (or they sign in with GitHub/Google).",
      );
    } else {
      throw new StartupError("Usage: tsx scripts/workspace/cli.ts export [--out FILE] | import FILE");
    }
  } catch (error) {
    if (error instanceof WorkspaceImportError) throw new StartupError(error.message);
    throw error;
  } finally {
    await db.end();
  }
}

main().catch(fail);
