import "server-only";
import type { AnchorStatus, ClaimState } from "@/lib/generated/prisma/client";

export type BlockerClaim = {
  id: string;
  exact: string;
  state: ClaimState;
  anchorStatus: AnchorStatus;
  leftOut: boolean;
  verdictKey: string | null;
};

export type PublishBlocker = {
  claimId: string;
  exact: string;
  state: ClaimState;
  anchorStatus: AnchorStatus;
  reason: string;
};

const STATE_WORDS: Record<ClaimState, string> = {
  draft: "is a draft",
  in_review: "is waiting for review",
  changes_requested: "has changes requested by its reviewer",
  approved: "is approved",
  rejected: "was rejected by its reviewer",
  stale: "changed after it was checked and needs checking again",
};

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

/**
 * Why each claim stops the article from being published, one sentence each. A claim left out
 * never blocks; an orphaned claim blocks even when approved, because its words are gone from
 * the text readers would see.
 */
export function publishBlockers(claims: readonly BlockerClaim[]): PublishBlocker[] {
  const blockers: PublishBlocker[] = [];
  for (const c of claims) {
    if (c.leftOut) continue;
    const base = { claimId: c.id, exact: c.exact, state: c.state, anchorStatus: c.anchorStatus };
    if (c.anchorStatus === "orphaned") {
      blockers.push({ ...base, reason: `“${short(c.exact)}” is no longer in the text: delete it or leave it out.` });
    } else if (c.state !== "approved") {
      blockers.push({
        ...base,
        reason: `“${short(c.exact)}” ${STATE_WORDS[c.state]}: get it approved or leave it out.`,
      });
    } else if (!c.verdictKey) {
      blockers.push({
        ...base,
        reason: `“${short(c.exact)}” has no verdict: set one and have it approved, or leave it out.`,
      });
    }
  }
  return blockers;
}

/** The claims a snapshot publishes: approved, anchored, with a verdict, not left out. */
export const isPublishable = (c: BlockerClaim) =>
  !c.leftOut && c.anchorStatus === "anchored" && c.state === "approved" && c.verdictKey !== null;
