import "server-only";
import { prisma } from "@/lib/db";
import { authorize, claimWhereForUser, type Actor } from "@/lib/auth/policies";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZUpdateClaimRequest, type TUpdateClaimRequest } from "@/lib/schemas/claims";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { presentClaim, type ClaimView } from "@/lib/services/claims/present-claim";

/** Changes a claim's kind, speaker, verdict or rationale, guarded by the claim's version. */
export async function updateClaim({ actor, claimId, input }: { actor: Actor | null; claimId: string; input: TUpdateClaimRequest }): Promise<ClaimView> {
  authorize(actor, "claim:update");
  const data = ZUpdateClaimRequest.parse(input);
  const judging = data.verdictKey !== undefined || data.rationale !== undefined;
  if (judging) authorize(actor, "claim:set-verdict");
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({ where: { AND: [{ id: claimId }, claimWhereForUser(actor)] } });
    if (!claim) throw notFound("That claim");
    if (claim.version !== data.version) {
      throw new AppError("conflict", "Someone changed this claim after you opened it. Reload it and make your change again.", { currentVersion: claim.version });
    }
    if (data.verdictKey && !(await tx.verdict.findUnique({ where: { key: data.verdictKey } }))) {
      throw new AppError("invalid_input", `“${data.verdictKey}” is not a verdict of this workspace.`);
    }
    const update: Prisma.ClaimUncheckedUpdateManyInput = { kind: data.kind, speaker: data.speaker, rationale: data.rationale, version: { increment: 1 } };
    const verdictChanged = data.verdictKey !== undefined && data.verdictKey !== claim.verdictKey;
    if (verdictChanged) update.verdictKey = data.verdictKey;
    if (judging) {
      update.verdictById = actor.id;
      update.verdictAt = new Date();
      // A changed judgement is a new judgement: it needs a fresh review.
      if (["approved", "rejected", "in_review"].includes(claim.state) && (verdictChanged || data.rationale !== claim.rationale)) update.state = "draft";
    }
    // The version in the WHERE makes check and write one step against a concurrent change.
    const { count } = await tx.claim.updateMany({ where: { id: claimId, version: data.version }, data: update });
    if (count !== 1) throw new AppError("conflict", "Someone changed this claim after you opened it. Reload it and make your change again.");
    const after = await tx.claim.findUniqueOrThrow({ where: { id: claimId } });
    const pick = (c: typeof claim) => ({ kind: c.kind, speaker: c.speaker, verdictKey: c.verdictKey, rationale: c.rationale, state: c.state, verdictById: c.verdictById });
    await recordAuditEvent(tx, { actorId: actor.id, action: judging ? "claim.verdict" : "claim.update", entityType: "claim", entityId: claimId, before: pick(claim), after: pick(after) });
    return presentClaim(after);
  });
}
