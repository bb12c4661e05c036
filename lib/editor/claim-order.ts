// The order claims are listed in, shared by the server's lists and the editor's side panel.
type Placed = { id: string; anchorStatus: "anchored" | "orphaned"; start: number; end: number };

/** Document order; orphaned claims last, where they no longer have a place. */
export function byDocumentOrder(a: Placed, b: Placed): number {
  if (a.anchorStatus !== b.anchorStatus) return a.anchorStatus === "orphaned" ? 1 : -1;
  return a.start - b.start || b.end - a.end;
}

/**
 * A list in document order with `claim` put in its place (replacing a claim with the same id),
 * without sorting the rest again: the editor adds one claim to a list of a thousand.
 */
export function insertInDocumentOrder<T extends Placed>(claims: readonly T[], claim: T): T[] {
  const rest = claims.filter((c) => c.id !== claim.id);
  let lo = 0;
  let hi = rest.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byDocumentOrder(rest[mid]!, claim) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return [...rest.slice(0, lo), claim, ...rest.slice(lo)];
}
