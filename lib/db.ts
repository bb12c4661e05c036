import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set; start the app with `npm start`.");
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // Secrets are omitted by default: a query must ask for passwordHash by name to see it.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

type Client = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as { sourcemarkPrisma?: Client };

// One client per process; dev hot reloads would otherwise open a new pool on every edit.
export const prisma: Client = globalForPrisma.sourcemarkPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.sourcemarkPrisma = prisma;
