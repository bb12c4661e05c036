import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policies";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZReviewClaimRequest, type TReviewClaimRequest } from "@/lib/schemas/reviews";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { applyDecision } from "@/lib/services/claims/apply-decision";
import { frozenContent, lifecycleOf, lockClaim } from "@/lib/services/claims/claim-content";
import { CLAIM_VIEW_INCLUDE, presentClaim, type ClaimView } from "@/lib/services/claims/present-claim";
import { claimConflict } from "@/lib/services/claims/update-claim";
import { decide } from "@/lib/workflow/claim-lifecycle";

export type ReviewView = {
  id: string;
  claimId: string;
  decision: "approve" | "request_changes" | "reject";
  comment: string;
  reviewer: { id: string; name: string };
  createdAt: string;
};

/**
 * A reviewer's decision on a claim in review. Approving freezes what was approved (words,
 * speaker, verdict, rationale, evidence words); nobody reviews a claim they judged or sourced.
 */
export async function reviewClaim({
  actor,
  claimId,
  input,
}: {
  actor: Actor | null;
  claimId: string;
  input: TReviewClaimRequest;
}): Promise<{ review: ReviewView; claim: ClaimView }> {
  const data = ZReviewClaimRequest.parse(input);
  return prisma.$transaction(async (tx) => {
    const claim = await lockClaim(tx, actor, claimId);
    const lifecycle = lifecycleOf(claim);
    // The role and the self-review rule first: they say more than a version conflict.
    authorize(actor, "claim:review", lifecycle);
    if (claim.version !== data.version) throw claimConflict(claim.version);
    const comment = (data.comment ?? "").trim();
    const state = applyDecision(decide(lifecycle, { type: "review", decision: data.decision, comment }, actor));
    const snapshot = frozenContent(claim);
    const review = await tx.review.create({
      data: { claimId, reviewerId: actor.id, decision: data.decision, comment, snapshot },
      include: { reviewer: { select: { id: true, name: true } } },
    });
    const approved = data.decision === "approve";
    const after = await tx.claim.update({
      where: { id: claimId },
      data: approved
        ? {
            state,
            approvedBy: { connect: { id: actor.id } },
            approvedAt: review.createdAt,
            approvedSnapshot: snapshot,
            staleDetail: Prisma.DbNull,
            // The approved verdict is settled: whoever judges it from now on starts the list again.
            judgedByIds: [],
            version: { increment: 1 },
          }
        : { state, version: { increment: 1 } },
      include: CLAIM_VIEW_INCLUDE,
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: `claim.review.${data.decision}`,
      entityType: "claim",
      entityId: claimId,
      before: { state: claim.state },
      after: { state, reviewId: review.id, comment },
    });
    return {
      review: {
        id: review.id,
        claimId,
        decision: review.decision,
        comment: review.comment,
        reviewer: review.reviewer,
        createdAt: review.createdAt.toISOString(),
      },
      claim: presentClaim(after),
    };
  });
}
