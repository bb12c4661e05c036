// `npm run db:migrate`: applies migrations to DATABASE_URL, or to the embedded database.
import { openDatabase } from "./db/database.ts";
import { migrate } from "./db/migrate.ts";
import { fail, failOnStrayErrors } from "./runtime.ts";

failOnStrayErrors();

try {
  const db = await openDatabase("app");
  try {
    const result = await migrate(db.url, console.log);
    console.log(`${result.applied.length} applied, ${result.alreadyApplied.length} already applied`);
  } finally {
    await db.stop();
  }
} catch (error) {
  fail(error);
}
