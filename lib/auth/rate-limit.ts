import "server-only";
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { postgresLimiter } from "@/lib/auth/rate-limit-store";

// Sign-in attempts, following OWASP's Authentication Cheat Sheet: a hard limit per account
// *and* client together (one source guessing one account), a looser one per client (one source
// spraying many accounts), and for the account alone only a growing delay, never a refusal:
// counting failures per account must not hand anyone a way to lock its owner out.
//
// Counters live in PostgreSQL (lib/auth/rate-limit-store.ts, the `rate_limits` table), so every
// app instance behind a load balancer counts against the same limits; SIGNIN_RATE_LIMIT_STORE=
// memory keeps them in this process instead (one instance, no table).
const windowSeconds = Number(process.env.SIGNIN_RATE_WINDOW_SECONDS ?? 15 * 60);
export const SIGNIN_LIMITS = {
  perAccountAndClient: 10,
  perClient: 100,
  /** Failures on one account, from anywhere, before its attempts are slowed. */
  slowAccountAfter: 10,
  /** The delay doubles per failure past that, up to this. */
  maxDelayMs: 8_000,
  windowSeconds,
} as const;

type MakeLimiter = (options: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;
const makeLimiter: MakeLimiter = (options) =>
  process.env.SIGNIN_RATE_LIMIT_STORE === "memory" ? new RateLimiterMemory(options) : postgresLimiter(options);

export function signInLimiters(make: MakeLimiter = makeLimiter, window = windowSeconds) {
  return {
    pair: make({ keyPrefix: "signin-account-client", points: SIGNIN_LIMITS.perAccountAndClient, duration: window }),
    client: make({ keyPrefix: "signin-client", points: SIGNIN_LIMITS.perClient, duration: window }),
    // A counter, not a limit: its points never run out.
    account: make({ keyPrefix: "signin-account", points: Number.MAX_SAFE_INTEGER, duration: window }),
  };
}
export type SignInLimiters = ReturnType<typeof signInLimiters>;

const shared = signInLimiters();

export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited");
  }
}

async function consume(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimitedError(Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}

/** How long an attempt on an account waits, given the failures on it in the window (this one included). */
export function accountDelayMs(attempts: number): number {
  const past = attempts - SIGNIN_LIMITS.slowAccountAfter;
  if (past <= 0) return 0;
  return Math.min(SIGNIN_LIMITS.maxDelayMs, 250 * 2 ** Math.min(past - 1, 16));
}

const pairKey = (email: string, client: string) => `${email}\n${client}`;

/**
 * Counts an attempt before the password is checked, so a burst of parallel guesses cannot all
 * slip past a check-then-count. Throws RateLimitedError past a hard limit; otherwise says how
 * long to wait before checking the password.
 */
export async function beginSignInAttempt(
  email: string,
  client: string,
  limiters: SignInLimiters = shared,
): Promise<{ delayMs: number }> {
  await consume(limiters.pair, pairKey(email, client));
  await consume(limiters.client, client);
  const account = await consume(limiters.account, email);
  return { delayMs: accountDelayMs(account.consumedPoints) };
}

/** A successful sign-in gives back what it counted, so a busy office behind one address is not throttled by its own colleagues. */
export async function recordSuccessfulSignIn(
  email: string,
  client: string,
  limiters: SignInLimiters = shared,
): Promise<void> {
  await Promise.all([
    limiters.pair.delete(pairKey(email, client)),
    limiters.client.reward(client, 1),
    limiters.account.reward(email, 1),
  ]);
}
