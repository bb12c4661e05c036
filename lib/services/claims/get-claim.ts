import "server-only";
import { prisma } from "@/lib/db";
import { claimWhereForUser, type Actor } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";
import { CLAIM_VIEW_INCLUDE, presentClaim, type ClaimView } from "@/lib/services/claims/present-claim";

export async function getClaim({ actor, claimId }: { actor: Actor | null; claimId: string }): Promise<ClaimView> {
  const row = await prisma.claim.findFirst({
    where: { AND: [{ id: claimId }, claimWhereForUser(actor)] },
    include: CLAIM_VIEW_INCLUDE,
  });
  if (!row) throw notFound("That claim");
  return presentClaim(row);
}
