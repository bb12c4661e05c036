// The claim mark carries only the claim id, so how a mark looks comes from the claims list:
// CSS rules keyed by id. Ids are checked before they reach a selector (they come from our own
// rows, but a pasted document could carry anything).
import type { EditorClaim } from "@/components/editor/types";

const SAFE_ID = /^[A-Za-z0-9_-]+$/;

export const STALE_DESCRIPTION = "Stale claim: its words or evidence changed after it was checked.";

/**
 * CSS for the marks of stale claims and of the active claim. A stale mark differs from a fresh
 * one by shape, not only colour: a dashed underline and a ⟳ sign before it.
 */
export function claimMarkCss(
  claims: Pick<EditorClaim, "id" | "state" | "anchorStatus">[],
  activeId: string | null,
): string {
  const stale = claims
    .filter((c) => c.state === "stale" && c.anchorStatus !== "orphaned" && SAFE_ID.test(c.id))
    .map((c) => `mark.claim-mark[data-claim-id="${c.id}"]`);
  const rules: string[] = [];
  if (stale.length > 0) {
    rules.push(
      `${stale.join(",")}{border-bottom:3px dashed #c2410c;background:repeating-linear-gradient(135deg,color-mix(in srgb,#fb923c 30%,transparent) 0 4px,transparent 4px 8px)}`,
    );
    rules.push(
      `${stale.map((s) => `${s}::before`).join(",")}{content:"⟳";font-family:ui-sans-serif,system-ui,sans-serif;font-size:.75em;font-weight:700;color:#9a3412;margin-right:1px}`,
    );
  }
  if (activeId && SAFE_ID.test(activeId))
    rules.push(`mark.claim-mark[data-claim-id="${activeId}"]{outline:2px solid #1d4ed8;outline-offset:1px}`);
  return rules.join("\n");
}
