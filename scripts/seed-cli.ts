// Seeds the demo workspace when the database has no users yet (DATABASE_URL, or the embedded
// database). Run with `--conditions=react-server` so the app's server-only modules load outside Next.
import { seedDemoWorkspace } from "../prisma/demo/seed.ts";
import { prisma } from "../lib/db.ts";
import { openDatabase } from "./db/database.ts";
import { migrate } from "./db/migrate.ts";
import { fail, failOnStrayErrors } from "./runtime.ts";

failOnStrayErrors();

try {
  const db = await openDatabase("app");
  process.env.DATABASE_URL = db.url;
  try {
    if (db.embedded) await migrate(db.url);
    const seeded = await seedDemoWorkspace();
    if (!seeded) console.log("demo workspace already present (the database has users)");
  } finally {
    await prisma.$disconnect();
    await db.stop();
  }
} catch (error) {
  fail(error);
}
