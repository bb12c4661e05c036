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

// One client per process (dev hot reloads would otherwise open a pool per edit), created on
// first use so that `next build` can load modules without a database.
const globalForPrisma = globalThis as unknown as { sourcemarkPrisma?: Client };

function client(): Client {
  globalForPrisma.sourcemarkPrisma ??= createClient();
  return globalForPrisma.sourcemarkPrisma;
}

export const prisma = new Proxy({} as Client, {
  get(_target, property) {
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});
