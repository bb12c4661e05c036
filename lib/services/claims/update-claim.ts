import "server-only";
import { prisma } from "@/lib/db";
import { authorize, claimWhereForUser, type Actor } from "@/lib/auth/policies";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZUpdateClaimRequest, type TUpdateClaimRequest } from "@/lib/schemas/claims";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { presentClaim, type ClaimView, type StaleDetail } from "@/lib/services/claims/present-claim";

/** Changes a claim's kind, speaker, verdict or rationale, guarded by the claim's version. */
export async function updateClaim({ actor, claimId, input }: { actor: Actor | null; claimId: string; input: TUpdateClaimRequest }): Promise<ClaimView> {
  authorize(actor, "claim:update");
  const data = ZUpdateClaimRequest.parse(input);
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({ where: { AND: [{ id: claimId }, claimWhereForUser(actor)] } });
    if (!claim) throw notFound("That claim");
    if (claim.version !== data.version) {
      throw new AppError("conflict", "Someone changed this claim after you opened it. Reload it and make your change again.", { currentVersion: claim.version });
    }
    // Only what actually differs counts: fixing a speaker is not setting the verdict.
    const verdictChanged = data.verdictKey !== undefined && data.verdictKey !== claim.verdictKey;
    const rationaleChanged = data.rationale !== undefined && data.rationale !== claim.rationale;
    const judging = verdictChanged || rationaleChanged;
    const substance = judging || (data.kind !== undefined && data.kind !== claim.kind) || (data.speaker !== undefined && data.speaker !== claim.speaker);
    if (judging) authorize(actor, "claim:set-verdict");
    if (data.verdictKey && verdictChanged && !(await tx.verdict.findUnique({ where: { key: data.verdictKey } }))) {
      throw new AppError("invalid_input", `“${data.verdictKey}” is not a verdict of this workspace.`);
    }
    const update: Prisma.ClaimUncheckedUpdateManyInput = { kind: data.kind, speaker: data.speaker, rationale: data.rationale, version: { increment: 1 } };
    if (verdictChanged) update.verdictKey = data.verdictKey;
    if (judging) {
      update.verdictById = actor.id;
      update.verdictAt = new Date();
    }
    // A changed judgement, speaker or kind is a new claim to review: it loses its review state.
    if (substance && ["approved", "rejected", "in_review"].includes(claim.state)) update.state = "draft";
    // A stale claim judged again must not come back as "approved" if its words are restored.
    const stale = claim.staleDetail as StaleDetail | null;
    if (substance && claim.state === "stale" && stale) update.staleDetail = { ...stale, stateBefore: "draft" };
    // The version in the WHERE makes check and write one step against a concurrent change.
    const { count } = await tx.claim.updateMany({ where: { id: claimId, version: data.version }, data: update });
    if (count !== 1) throw new AppError("conflict", "Someone changed this claim after you opened it. Reload it and make your change again.");
    const after = await tx.claim.findUniqueOrThrow({ where: { id: claimId } });
    const pick = (c: typeof claim) => ({ kind: c.kind, speaker: c.speaker, verdictKey: c.verdictKey, rationale: c.rationale, state: c.state, verdictById: c.verdictById });
    await recordAuditEvent(tx, { actorId: actor.id, action: judging ? "claim.verdict" : "claim.update", entityType: "claim", entityId: claimId, before: pick(claim), after: pick(after) });
    return presentClaim(after);
  });
}
