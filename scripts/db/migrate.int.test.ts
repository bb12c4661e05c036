import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrate, readMigrations } from "./migrate.ts";

describe("the project's migrate step", () => {
  it("is safe to run twice and keeps Prisma's bookkeeping with sha256 checksums", async () => {
    const url = process.env.DATABASE_URL!;
    const again = await migrate(url);
    const migrations = await readMigrations();
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(migrations.map((m) => m.name));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY migration_name',
      );
      expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(migrations.map((m) => [m.name, m.checksum]));
      expect(rows.every((r) => r.finished_at)).toBe(true);
    } finally {
      await client.end();
    }
  });

  it("names migrations the way Prisma does: a 14-digit timestamp and a snake_case name", async () => {
    for (const m of await readMigrations()) expect(m.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });
});
