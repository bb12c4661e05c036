import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policies";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZClaimVersionRequest, type TClaimVersionRequest } from "@/lib/schemas/claims";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { applyDecision } from "@/lib/services/claims/apply-decision";
import { lifecycleOf, lockClaim } from "@/lib/services/claims/claim-content";
import { accurateBlockedReasonOf } from "@/lib/services/claims/competing-wordings";
import { CLAIM_VIEW_INCLUDE, presentClaim, type ClaimView } from "@/lib/services/claims/present-claim";
import { claimConflict } from "@/lib/services/claims/update-claim";
import { decide as decideLifecycle, withJudge } from "@/lib/workflow/claim-lifecycle";

/**
 * Sends a claim to review ("submit"), or sends a stale claim back saying its verdict still holds
 * for its new words or evidence ("confirm"). Both put it at the back of the queue.
 */
export async function submitClaim({
  actor,
  claimId,
  input,
  mode = "submit",
}: {
  actor: Actor | null;
  claimId: string;
  input: TClaimVersionRequest;
  mode?: "submit" | "confirm";
}): Promise<ClaimView> {
  authorize(actor, mode === "submit" ? "claim:submit" : "claim:set-verdict");
  const { version } = ZClaimVersionRequest.parse(input);
  return prisma.$transaction(async (tx) => {
    const claim = await lockClaim(tx, actor, claimId);
    if (claim.version !== version) throw claimConflict(claim.version);
    const state = applyDecision(decide(claim, mode, actor));
    const confirmed = mode === "confirm";
    const after = await tx.claim.update({
      where: { id: claimId },
      data: {
        state,
        submittedAt: new Date(),
        version: { increment: 1 },
        // Confirming answers the staleness; whoever confirms takes the verdict on as theirs.
        ...(confirmed
          ? {
              staleDetail: Prisma.DbNull,
              verdictBy: { connect: { id: actor.id } },
              verdictAt: new Date(),
              judgedByIds: withJudge(claim.judgedByIds, actor.id),
              approvedBy: { disconnect: true },
              approvedAt: null,
            }
          : {}),
      },
      include: CLAIM_VIEW_INCLUDE,
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: confirmed ? "claim.confirm" : "claim.submit",
      entityType: "claim",
      entityId: claimId,
      before: { state: claim.state, staleDetail: claim.staleDetail },
      after: { state },
    });
    return presentClaim(after);
  });
}

function decide(claim: Parameters<typeof lifecycleOf>[0], mode: "submit" | "confirm", actor: Actor) {
  return decideLifecycle(
    lifecycleOf(claim),
    { type: mode, accurateBlockedReason: accurateBlockedReasonOf(claim) },
    actor,
  );
}
