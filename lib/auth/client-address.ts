/**
 * Which address a request came from, for rate limits. X-Forwarded-For is written by whoever
 * sends the request, so only the entries added by proxies we run can be believed: with
 * TRUSTED_PROXY_HOPS=N (default 0), the client is the address the outermost of our N proxies
 * saw, counted from the socket's end of the chain. With 0 it is the socket's own address, and
 * the header is ignored.
 */
export const CLIENT_ADDRESS_HEADER = "x-sourcemark-client-address";

export function trustedProxyHops(value = process.env.TRUSTED_PROXY_HOPS): number {
  const hops = Number(value ?? 0);
  return Number.isInteger(hops) && hops >= 0 && hops <= 10 ? hops : 0;
}

export function clientAddressOf(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  hops: number,
): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress ?? "unknown"];
  // More trusted hops than entries: the client sent fewer than our proxies would have added,
  // so the first entry is the best we know.
  return chain[Math.max(0, chain.length - 1 - hops)]!;
}
