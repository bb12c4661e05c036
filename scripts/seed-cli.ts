// Seeds the demo workspace into DATABASE_URL when it has no users yet. Run with
// `--conditions=react-server` so the app's server-only modules load outside Next.
import { seedDemoWorkspace } from "../prisma/demo/seed.ts";
import { prisma } from "../lib/db.ts";

try {
  const seeded = await seedDemoWorkspace();
  if (!seeded) console.log("demo workspace already present");
} finally {
  await prisma.$disconnect();
}
