// closeDatabase (and so `npm start`'s Ctrl-C and every bench) stops the database right after it;
// pg's Pool.end() resolves before its connections have closed, so endPool waits for them.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { endPool } from "@/lib/db";

describe("endPool", () => {
  it("resolves only once every connection of the pool has closed, idle and just-released alike", async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
    let opened = 0;
    let closed = 0;
    pool.on("connect", (client) => {
      opened++;
      client.on("end", () => closed++);
    });
    // Three connections at once, so the pool holds three idle ones afterwards.
    await Promise.all([1, 2, 3].map(() => pool.query("SELECT pg_sleep(0.05)")));
    expect(opened).toBe(3);
    await endPool(pool);
    expect(closed).toBe(3);
  });

  it("ends a pool that never connected", async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
    await endPool(pool);
    expect(pool.ended).toBe(true);
  });
});
