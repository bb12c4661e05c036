import { RateLimiterMemory } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import {
  accountDelayMs,
  beginSignInAttempt,
  RateLimitedError,
  recordSuccessfulSignIn,
  SIGNIN_LIMITS,
  signInLimiters,
} from "./rate-limit";

// The rules, on in-memory counters; the PostgreSQL store has its own test (rate-limit-store).
const memory = (options: { keyPrefix: string; points: number; duration: number }) => new RateLimiterMemory(options);
const attempt = (limiters: ReturnType<typeof signInLimiters>, email: string, client: string) =>
  beginSignInAttempt(email, client, limiters).then(
    (result) => ({ limited: false, delayMs: result.delayMs }),
    (error: unknown) => {
      if (error instanceof RateLimitedError) return { limited: true, delayMs: 0 };
      throw error;
    },
  );

describe("sign-in rate limits (issue 9, defect 3)", () => {
  it("an attacker who fails 50 times cannot lock the account's owner out: only the attacker's own pair is refused", async () => {
    const limiters = signInLimiters(memory);
    const results = [];
    for (let i = 0; i < 50; i++) results.push(await attempt(limiters, "admin@sourcemark.test", "203.0.113.9"));
    expect(results.slice(0, SIGNIN_LIMITS.perAccountAndClient).every((r) => !r.limited)).toBe(true);
    expect(results.slice(SIGNIN_LIMITS.perAccountAndClient).every((r) => r.limited)).toBe(true);
    // The owner, from their own address, is slowed (the account is under attack) but let through.
    const owner = await attempt(limiters, "admin@sourcemark.test", "198.51.100.7");
    expect(owner.limited).toBe(false);
    expect(owner.delayMs).toBeGreaterThan(0);
    expect(owner.delayMs).toBeLessThanOrEqual(SIGNIN_LIMITS.maxDelayMs);
  });

  it("guesses at one account from many addresses are slowed, more with every failure, never refused", async () => {
    const limiters = signInLimiters(memory);
    const delays: number[] = [];
    for (let i = 0; i < 40; i++) {
      const result = await attempt(limiters, "editor@sourcemark.test", `192.0.2.${i}`);
      expect(result.limited).toBe(false);
      delays.push(result.delayMs);
    }
    expect(delays.slice(0, SIGNIN_LIMITS.slowAccountAfter).every((d) => d === 0)).toBe(true);
    expect(delays[SIGNIN_LIMITS.slowAccountAfter]).toBeGreaterThan(0);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(Math.max(...delays)).toBe(SIGNIN_LIMITS.maxDelayMs);
  });

  it("one address spraying many accounts is refused past the per-client limit", async () => {
    const limiters = signInLimiters(memory);
    let limited = 0;
    for (let i = 0; i < SIGNIN_LIMITS.perClient + 5; i++)
      if ((await attempt(limiters, `user${i}@sourcemark.test`, "203.0.113.50")).limited) limited++;
    expect(limited).toBe(5);
  });

  it("a successful sign-in clears its own pair, so the owner's typos do not pile up", async () => {
    const limiters = signInLimiters(memory);
    for (let i = 0; i < SIGNIN_LIMITS.perAccountAndClient - 1; i++)
      await attempt(limiters, "reviewer@sourcemark.test", "198.51.100.1");
    await recordSuccessfulSignIn("reviewer@sourcemark.test", "198.51.100.1", limiters);
    for (let i = 0; i < SIGNIN_LIMITS.perAccountAndClient; i++)
      expect((await attempt(limiters, "reviewer@sourcemark.test", "198.51.100.1")).limited).toBe(false);
  });

  it("the delay doubles from 250 ms and stops at the cap", () => {
    expect([10, 11, 12, 13, 16, 1000].map(accountDelayMs)).toEqual([0, 250, 500, 1000, 8000, 8000]);
  });
});
