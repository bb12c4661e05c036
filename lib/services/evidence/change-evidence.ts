import "server-only";
import type { Tx } from "@/lib/db";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policies";
import { AppError, notFound } from "@/lib/errors";
import { ZUpdateEvidenceRequest, type TUpdateEvidenceRequest } from "@/lib/schemas/evidence";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { lockClaim, settleClaimContent } from "@/lib/services/claims/claim-content";
import { CLAIM_VIEW_INCLUDE, presentClaim, type ClaimView } from "@/lib/services/claims/present-claim";
import { EVIDENCE_VIEW_INCLUDE, presentEvidence, type EvidenceView } from "@/lib/services/evidence/present-evidence";
import { withJudge } from "@/lib/workflow/claim-lifecycle";

/** Finds evidence through its claim, so evidence of a claim the actor may not see is not found. */
async function lockEvidence(tx: Tx, actor: Actor, evidenceId: string) {
  const found = await tx.evidence.findUnique({ where: { id: evidenceId }, select: { claimId: true } });
  if (!found) throw notFound("That evidence");
  const claim = await lockClaim(tx, actor, found.claimId);
  // Read again under the claim's lock: a concurrent removal may have won.
  const evidence = await tx.evidence.findUnique({
    where: { id: evidenceId },
    include: { passage: { select: { document: { select: { title: true } } } } },
  });
  if (!evidence) throw notFound("That evidence");
  // The claim's judges as the lock read them: whoever changes its evidence joins them.
  return { ...evidence, claimJudgedByIds: claim.judgedByIds };
}

const auditShape = (e: {
  claimId: string;
  passageId: string;
  relation: string;
  note: string;
  exact: string;
  start: number;
  end: number;
  passage: { document: { title: string } };
}) => ({
  claimId: e.claimId,
  passageId: e.passageId,
  document: e.passage.document.title,
  relation: e.relation,
  note: e.note,
  exact: e.exact,
  start: e.start,
  end: e.end,
});

/** Changes how evidence bears on its claim (relation) or its note. */
export async function updateEvidence({
  actor,
  evidenceId,
  input,
}: {
  actor: Actor | null;
  evidenceId: string;
  input: TUpdateEvidenceRequest;
}): Promise<{ evidence: EvidenceView; claim: ClaimView }> {
  authorize(actor, "evidence:link");
  const data = ZUpdateEvidenceRequest.parse(input);
  return prisma.$transaction(async (tx) => {
    const before = await lockEvidence(tx, actor, evidenceId);
    if (data.was.relation !== before.relation || data.was.note !== before.note) {
      throw new AppError(
        "conflict",
        `Someone changed this evidence while you were editing it: it is now “${before.relation}”${before.note ? ` with the note “${before.note}”` : " with no note"}. Look again and make your change once more.`,
      );
    }
    const after = await tx.evidence.update({
      where: { id: evidenceId },
      data: { relation: data.relation, note: data.note },
      include: { passage: { select: { document: { select: { title: true } } } } },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "evidence.update",
      entityType: "evidence",
      entityId: evidenceId,
      before: auditShape(before),
      after: auditShape(after),
    });
    // Readers see the note beside the cited words: a new one is reviewed like a new relation, and
    // whoever wrote it may not be the one to approve it.
    const changed = before.relation !== after.relation || before.note !== after.note;
    if (changed) await settleClaimContent(tx, actor, before.claimId, "evidence");
    await tx.claim.update({
      where: { id: before.claimId },
      data: {
        version: { increment: 1 },
        ...(changed ? { judgedByIds: withJudge(before.claimJudgedByIds, actor.id) } : {}),
      },
    });
    const evidence = await tx.evidence.findUniqueOrThrow({ where: { id: evidenceId }, include: EVIDENCE_VIEW_INCLUDE });
    const claim = await tx.claim.findUniqueOrThrow({ where: { id: before.claimId }, include: CLAIM_VIEW_INCLUDE });
    return { evidence: presentEvidence(evidence), claim: presentClaim(claim) };
  });
}

/** Unlinks evidence; an approved claim that loses evidence goes stale, saying which. */
export async function removeEvidence({
  actor,
  evidenceId,
}: {
  actor: Actor | null;
  evidenceId: string;
}): Promise<{ claim: ClaimView }> {
  authorize(actor, "evidence:link");
  return prisma.$transaction(async (tx) => {
    const before = await lockEvidence(tx, actor, evidenceId);
    await tx.evidence.delete({ where: { id: evidenceId } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "evidence.remove",
      entityType: "evidence",
      entityId: evidenceId,
      before: auditShape(before),
    });
    await settleClaimContent(tx, actor, before.claimId, "evidence");
    const claim = await tx.claim.update({
      where: { id: before.claimId },
      data: { version: { increment: 1 }, judgedByIds: withJudge(before.claimJudgedByIds, actor.id) },
      include: CLAIM_VIEW_INCLUDE,
    });
    return { claim: presentClaim(claim) };
  });
}
