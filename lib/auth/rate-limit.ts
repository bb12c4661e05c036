import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";

// Failed sign-ins are counted per account and per client, in this process's memory: enough for
// the single-process `next start` we ship; a multi-instance deployment should swap in
// RateLimiterPostgres. Only failures count, so a busy office behind one address is not locked
// out by its own successful sign-ins.
const windowSeconds = Number(process.env.SIGNIN_RATE_WINDOW_SECONDS ?? 15 * 60);
export const SIGNIN_LIMITS = { perAccount: 10, perClient: 100, windowSeconds } as const;

const perAccount = new RateLimiterMemory({ keyPrefix: "signin-account", points: SIGNIN_LIMITS.perAccount, duration: windowSeconds });
const perClient = new RateLimiterMemory({ keyPrefix: "signin-client", points: SIGNIN_LIMITS.perClient, duration: windowSeconds });

export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited");
  }
}

/** Throws RateLimitedError when this account or this client has failed too often lately. */
export async function assertSignInAllowed(email: string, client: string): Promise<void> {
  const [account, address] = await Promise.all([perAccount.get(email), perClient.get(client)]);
  for (const [res, limit] of [
    [account, SIGNIN_LIMITS.perAccount],
    [address, SIGNIN_LIMITS.perClient],
  ] as const) {
    if (res && res.consumedPoints >= limit) throw new RateLimitedError(Math.ceil(res.msBeforeNext / 1000));
  }
}

export async function recordFailedSignIn(email: string, client: string): Promise<void> {
  await Promise.all([perAccount.penalty(email, 1), perClient.penalty(client, 1)]);
}

export async function recordSuccessfulSignIn(email: string): Promise<void> {
  await perAccount.delete(email);
}
