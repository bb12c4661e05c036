import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";
import { ZSetPassageSpeakerRequest, type TSetPassageSpeakerRequest } from "@/lib/schemas/sources";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { settleClaimsCiting } from "@/lib/services/claims/claim-content";

/** Changes (or clears) who speaks a passage; its words and offsets stay as they are. */
export async function setPassageSpeaker({ actor, input }: { actor: Actor | null; input: TSetPassageSpeakerRequest }) {
  authorize(actor, "source:edit");
  const { passageId, speaker } = ZSetPassageSpeakerRequest.parse(input);
  return prisma.$transaction(async (tx) => {
    const before = await tx.passage.findUnique({
      where: { id: passageId },
      select: { id: true, speaker: true, document: { select: { slug: true } } },
    });
    if (!before) throw notFound("That passage");
    await tx.passage.update({ where: { id: passageId }, data: { speaker } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "passage.speaker",
      entityType: "passage",
      entityId: passageId,
      before: { speaker: before.speaker },
      after: { speaker },
    });
    // Who said the cited words is part of what was checked: quote checks and approvals follow.
    if (before.speaker !== speaker) await settleClaimsCiting(tx, actor, [passageId]);
    return { passageId, speaker, slug: before.document.slug };
  });
}
