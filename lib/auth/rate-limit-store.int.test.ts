// The shared sign-in limiter: two "instances" (two separate pools, as two processes would have)
// count against one limit in PostgreSQL.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { RateLimiterRes } from "rate-limiter-flexible";
import { afterAll, describe, expect, it } from "vitest";
import { postgresLimiter } from "@/lib/auth/rate-limit-store";

const pools = [
  new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 }),
  new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 }),
];
afterAll(() => Promise.all(pools.map((p) => p.end())));

const limiters = (points: number, duration = 60) => {
  const keyPrefix = `test-${randomUUID()}`;
  return pools.map((pool) => postgresLimiter({ keyPrefix, points, duration }, pool));
};

describe("postgresLimiter", () => {
  it("counts attempts from every instance against one limit", async () => {
    const [a, b] = limiters(10);
    const key = `editor@example.test\n203.0.113.7`;
    for (let i = 0; i < 10; i += 1) await (i % 2 === 0 ? a! : b!).consume(key);
    const refused = await b!.consume(key).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(RateLimiterRes);
    expect((refused as RateLimiterRes).msBeforeNext).toBeGreaterThan(0);
    await expect(a!.consume(key)).rejects.toBeInstanceOf(RateLimiterRes);
    // Another key is untouched.
    await expect(a!.consume(`${key}-other`)).resolves.toMatchObject({ consumedPoints: 1 });
  });

  it("gives points back and forgets keys across instances", async () => {
    const [a, b] = limiters(3);
    const key = "reviewer@example.test";
    await a!.consume(key, 3);
    await expect(b!.consume(key)).rejects.toBeInstanceOf(RateLimiterRes);
    await b!.reward(key, 2);
    await expect(a!.consume(key)).resolves.toMatchObject({ consumedPoints: 3 });
    await a!.delete(key);
    await expect(b!.consume(key)).resolves.toMatchObject({ consumedPoints: 1 });
  });

  it("accepts keys longer than rate-limiter-flexible's default varchar(255)", async () => {
    const [a] = limiters(5);
    const key = `${"x".repeat(250)}@example.test\n2001:db8::1`;
    await expect(a!.consume(key)).resolves.toMatchObject({ consumedPoints: 1 });
  });

  it("starts a new window once the old one expires", async () => {
    const [a, b] = limiters(1, 1);
    await a!.consume("short-window");
    await expect(b!.consume("short-window")).rejects.toBeInstanceOf(RateLimiterRes);
    await new Promise((r) => setTimeout(r, 1100));
    await expect(b!.consume("short-window")).resolves.toMatchObject({ consumedPoints: 1 });
  });
});

describe("postgresLimiter on the app's own pool", () => {
  it("can be made before any database is touched and counts once used", async () => {
    const limiter = postgresLimiter({ keyPrefix: `lazy-${randomUUID()}`, points: 1, duration: 60 });
    await expect(limiter.consume("someone")).resolves.toMatchObject({ consumedPoints: 1 });
    await expect(limiter.consume("someone")).rejects.toBeInstanceOf(RateLimiterRes);
  });
});
