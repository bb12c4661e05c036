import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policies";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZUpdateClaimRequest, type TUpdateClaimRequest } from "@/lib/schemas/claims";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { lifecycleOf, lockClaim, settleClaimContent } from "@/lib/services/claims/claim-content";
import { accurateBlockedReasonOf } from "@/lib/services/claims/competing-wordings";
import { CLAIM_VIEW_INCLUDE, presentClaim, type ClaimView } from "@/lib/services/claims/present-claim";
import { applyDecision } from "@/lib/services/claims/apply-decision";
import { decide, withJudge } from "@/lib/workflow/claim-lifecycle";

export const claimConflict = (currentVersion: number) =>
  new AppError("conflict", "Someone changed this claim after you opened it. Reload it and make your change again.", {
    currentVersion,
  });

/** Changes a claim's kind, speaker, verdict or rationale, guarded by the claim's version. */
export async function updateClaim({
  actor,
  claimId,
  input,
}: {
  actor: Actor | null;
  claimId: string;
  input: TUpdateClaimRequest;
}): Promise<ClaimView> {
  authorize(actor, "claim:update");
  const data = ZUpdateClaimRequest.parse(input);
  return prisma.$transaction(async (tx) => {
    const claim = await lockClaim(tx, actor, claimId);
    if (claim.version !== data.version) throw claimConflict(claim.version);
    // Only what actually differs counts: fixing a speaker is not setting the verdict.
    const verdictChanged = data.verdictKey !== undefined && data.verdictKey !== claim.verdictKey;
    const rationaleChanged = data.rationale !== undefined && data.rationale !== claim.rationale;
    const judging = verdictChanged || rationaleChanged;
    const edited =
      (data.kind !== undefined && data.kind !== claim.kind) ||
      (data.speaker !== undefined && data.speaker !== claim.speaker);
    if (!judging && !edited)
      return presentClaim(await tx.claim.findUniqueOrThrow({ where: { id: claimId }, include: CLAIM_VIEW_INCLUDE }));

    const update: Prisma.ClaimUpdateInput = { kind: data.kind, speaker: data.speaker, version: { increment: 1 } };
    let state = claim.state;
    if (judging) {
      const key = verdictChanged ? data.verdictKey : claim.verdictKey;
      const verdict = key
        ? await tx.verdict.findUnique({
            where: { key },
            select: { key: true, label: true, requiresRationale: true, archived: true },
          })
        : null;
      if (key && !verdict) throw new AppError("invalid_input", `“${key}” is not a verdict of this workspace.`);
      const rationale = data.rationale ?? claim.rationale;
      const decision = decide(
        lifecycleOf({ ...claim, kind: data.kind ?? claim.kind }),
        { type: "set_verdict", verdict, rationale, accurateBlockedReason: accurateBlockedReasonOf(claim) },
        actor,
      );
      state = applyDecision(decision);
      update.verdict = verdict ? { connect: { key: verdict.key } } : { disconnect: true };
      update.rationale = rationale;
      update.verdictBy = { connect: { id: actor.id } };
      update.verdictAt = new Date();
      update.judgedByIds = withJudge(claim.judgedByIds, actor.id);
    } else {
      state = applyDecision(decide(lifecycleOf(claim), { type: "edit" }, actor));
    }
    if (state !== claim.state) {
      update.state = state;
      // A claim judged again answers its staleness; what it answered stays in the audit log.
      if (claim.state === "stale" && state !== "stale") update.staleDetail = Prisma.DbNull;
      // No longer approved: the approval (kept in approvedSnapshot and the audit log) is spent.
      if (claim.state === "approved") Object.assign(update, { approvedBy: { disconnect: true }, approvedAt: null });
    }
    const after = await tx.claim.update({ where: { id: claimId }, data: update, include: CLAIM_VIEW_INCLUDE });
    // A new speaker or kind changes the quote check (speaker note; only quotes are checked).
    if (edited && claim.evidence.length > 0) await settleClaimContent(tx, actor, claimId, "words");
    const pick = (c: {
      kind: string;
      speaker: string | null;
      verdictKey: string | null;
      rationale: string;
      state: string;
      verdictById: string | null;
    }) => ({
      kind: c.kind,
      speaker: c.speaker,
      verdictKey: c.verdictKey,
      rationale: c.rationale,
      state: c.state,
      verdictById: c.verdictById,
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: judging ? "claim.verdict" : "claim.update",
      entityType: "claim",
      entityId: claimId,
      before: pick(claim),
      after: pick(after),
    });
    return presentClaim(
      edited ? await tx.claim.findUniqueOrThrow({ where: { id: claimId }, include: CLAIM_VIEW_INCLUDE }) : after,
    );
  });
}
