import "server-only";
import { prisma } from "@/lib/db";
import { authorize, claimWhereForUser, type Actor } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";
import { ZSetLeftOutRequest, type TSetLeftOutRequest } from "@/lib/schemas/publishing";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/**
 * An editor leaves a claim out of publication (or takes it back in). It does not change the
 * claim's workflow state or version: leaving out is a publishing choice, not a judgement.
 */
export async function setClaimLeftOut({
  actor,
  claimId,
  input,
}: {
  actor: Actor | null;
  claimId: string;
  input: TSetLeftOutRequest;
}): Promise<{ claimId: string; leftOut: boolean }> {
  authorize(actor, "claim:leave-out");
  const { leftOut } = ZSetLeftOutRequest.parse(input);
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({
      where: { AND: [{ id: claimId }, claimWhereForUser(actor)] },
      select: { id: true, leftOut: true, articleId: true },
    });
    if (!claim) throw notFound("That claim");
    if (claim.leftOut !== leftOut) {
      await tx.claim.update({ where: { id: claimId }, data: { leftOut } });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: leftOut ? "claim.leave_out" : "claim.include",
        entityType: "claim",
        entityId: claimId,
        before: { leftOut: claim.leftOut },
        after: { leftOut, articleId: claim.articleId },
      });
    }
    return { claimId, leftOut };
  });
}
