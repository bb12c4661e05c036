import "server-only";
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/policies";
import { assertClaimVisible } from "@/lib/services/evidence/list-evidence";
import type { ReviewView } from "@/lib/services/reviews/review-claim";

/** A claim's reviews, oldest first. */
export async function listReviews({ actor, claimId }: { actor: Actor | null; claimId: string }): Promise<ReviewView[]> {
  await assertClaimVisible(actor, claimId);
  const rows = await prisma.review.findMany({
    where: { claimId },
    include: { reviewer: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    claimId,
    decision: r.decision,
    comment: r.comment,
    reviewer: r.reviewer,
    createdAt: r.createdAt.toISOString(),
  }));
}
