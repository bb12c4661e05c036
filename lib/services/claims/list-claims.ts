import "server-only";
import { prisma } from "@/lib/db";
import { claimWhereForUser, type Actor } from "@/lib/auth/policies";
import { byDocumentOrder } from "@/lib/editor/claim-order";
import { CLAIM_VIEW_INCLUDE, presentClaim, type ClaimView } from "@/lib/services/claims/present-claim";

export async function listClaims({
  actor,
  articleId,
}: {
  actor: Actor | null;
  articleId: string;
}): Promise<ClaimView[]> {
  const rows = await prisma.claim.findMany({
    where: { AND: [{ articleId }, claimWhereForUser(actor)] },
    include: CLAIM_VIEW_INCLUDE,
  });
  return rows.map(presentClaim).sort(byDocumentOrder);
}
