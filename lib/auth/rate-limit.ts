import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

// Sign-in attempts are counted per account and per client, in this process's memory: enough for
// the single-process `next start` we ship; a multi-instance deployment should swap in
// RateLimiterPostgres. Successful sign-ins are given back, so a busy office behind one address
// is not locked out by its own colleagues.
const windowSeconds = Number(process.env.SIGNIN_RATE_WINDOW_SECONDS ?? 15 * 60);
export const SIGNIN_LIMITS = { perAccount: 10, perClient: 100, windowSeconds } as const;

const perAccount = new RateLimiterMemory({ keyPrefix: "signin-account", points: SIGNIN_LIMITS.perAccount, duration: windowSeconds });
const perClient = new RateLimiterMemory({ keyPrefix: "signin-client", points: SIGNIN_LIMITS.perClient, duration: windowSeconds });

export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited");
  }
}

async function consume(limiter: RateLimiterMemory, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimitedError(Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}

/**
 * Counts an attempt before the password is checked, so a burst of parallel guesses cannot all
 * slip past a check-then-count; a successful sign-in gives the points back.
 */
export async function consumeSignInAttempt(email: string, client: string): Promise<void> {
  await consume(perAccount, email);
  await consume(perClient, client);
}

export async function recordSuccessfulSignIn(email: string, client: string): Promise<void> {
  await Promise.all([perAccount.delete(email), perClient.reward(client, 1)]);
}
