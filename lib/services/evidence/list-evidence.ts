import "server-only";
import { prisma } from "@/lib/db";
import { authorize, claimWhereForUser, type Actor } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";
import { EVIDENCE_VIEW_INCLUDE, presentEvidence, type EvidenceView } from "@/lib/services/evidence/present-evidence";

/** The claim is one the actor may see, or it is not found. */
export async function assertClaimVisible(actor: Actor | null, claimId: string): Promise<void> {
  authorize(actor, "workbench:read");
  const claim = await prisma.claim.findFirst({
    where: { AND: [{ id: claimId }, claimWhereForUser(actor)] },
    select: { id: true },
  });
  if (!claim) throw notFound("That claim");
}

/** A claim's evidence, oldest first: what GET /claims/{id}/evidence answers, without the whole dossier. */
export async function listEvidence({
  actor,
  claimId,
}: {
  actor: Actor | null;
  claimId: string;
}): Promise<EvidenceView[]> {
  await assertClaimVisible(actor, claimId);
  const rows = await prisma.evidence.findMany({
    where: { claimId },
    include: EVIDENCE_VIEW_INCLUDE,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(presentEvidence);
}
