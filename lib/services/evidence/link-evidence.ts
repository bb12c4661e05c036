import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policies";
import { ZLinkEvidenceRequest, type TLinkEvidenceRequest } from "@/lib/schemas/evidence";
import { lockClaim, settleClaimContent } from "@/lib/services/claims/claim-content";
import { CLAIM_VIEW_INCLUDE, presentClaim, type ClaimView } from "@/lib/services/claims/present-claim";
import { insertEvidence } from "@/lib/services/evidence/insert-evidence";
import { EVIDENCE_VIEW_INCLUDE, presentEvidence, type EvidenceView } from "@/lib/services/evidence/present-evidence";

/** Links a claim to the exact words of a source passage, with its quote check, in one transaction. */
export async function linkEvidence({
  actor,
  claimId,
  input,
}: {
  actor: Actor | null;
  claimId: string;
  input: TLinkEvidenceRequest;
}): Promise<{ evidence: EvidenceView; claim: ClaimView }> {
  authorize(actor, "evidence:link");
  const data = ZLinkEvidenceRequest.parse(input);
  return prisma.$transaction(async (tx) => {
    await lockClaim(tx, actor, claimId);
    const row = await insertEvidence(tx, actor, { claimId, ...data });
    await settleClaimContent(tx, actor, claimId, "evidence");
    await tx.claim.update({ where: { id: claimId }, data: { version: { increment: 1 } } });
    const evidence = await tx.evidence.findUniqueOrThrow({ where: { id: row.id }, include: EVIDENCE_VIEW_INCLUDE });
    const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, include: CLAIM_VIEW_INCLUDE });
    return { evidence: presentEvidence(evidence), claim: presentClaim(claim) };
  });
}
