// Vitest global setup for *.int.test.ts: a real, local, migrated PostgreSQL or nothing.
import { isLocalDatabase } from "../../scripts/db/database.ts";
import { migrate } from "../../scripts/db/migrate.ts";

export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error("Integration tests need a database: run them with `npm test` (or `npm run test:integration`).");
  if (!isLocalDatabase(url)) throw new Error("Integration tests only run against a local database.");
  await migrate(url);
}
