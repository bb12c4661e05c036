import { defineConfig } from "prisma/config";

// DATABASE_URL is only needed by `prisma migrate deploy` / `prisma studio`, not by generate.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/sourcemark" },
});
