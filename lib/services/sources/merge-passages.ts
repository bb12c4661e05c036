import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policies";
import { AppError } from "@/lib/errors";
import { ZMergePassagesRequest, type TMergePassagesRequest } from "@/lib/schemas/sources";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { settleClaimsCiting } from "@/lib/services/claims/claim-content";
import { loadForEdit, repointEvidence, shiftOrdinals } from "@/lib/services/sources/passage-edit";
import { searchTextFor } from "@/lib/services/sources/search-text";
import { mergePassages as mergeRanges } from "@/lib/text/segmentation/segment";

/** Merges a passage with the one after it; the first keeps its id, speaker and link. */
export async function mergePassages({ actor, input }: { actor: Actor | null; input: TMergePassagesRequest }) {
  authorize(actor, "source:edit");
  const { passageId } = ZMergePassagesRequest.parse(input);
  return prisma.$transaction(async (tx) => {
    const { document, passages, target } = await loadForEdit(tx, passageId);
    const next = passages[target.ordinal + 1];
    if (!next)
      throw new AppError("invalid_input", "This is the last passage; there is nothing after it to merge with.");
    const merged = mergeRanges(passages, target.ordinal).map((p, i) => ({
      ...p,
      id: i <= target.ordinal ? passages[i]!.id : passages[i + 1]!.id,
    }));
    const moves = await repointEvidence(tx, [next.id], merged);
    await tx.passage.delete({ where: { id: next.id } });
    const text = document.text.slice(target.start, next.end);
    await tx.passage.update({
      where: { id: target.id },
      data: { end: next.end, text, searchText: searchTextFor(text) },
    });
    await shiftOrdinals(tx, document.id, next.ordinal, -1);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "passage.merge",
      entityType: "passage",
      entityId: target.id,
      before: {
        passages: [target, next].map(({ id, ordinal, speaker, start, end }) => ({ id, ordinal, speaker, start, end })),
      },
      after: {
        id: target.id,
        ordinal: target.ordinal,
        speaker: target.speaker,
        start: target.start,
        end: next.end,
        evidenceMoved: moves,
      },
    });
    // Evidence that moved to a passage with another speaker changes what was checked.
    if (moves.length > 0) await settleClaimsCiting(tx, actor, [target.id]);
    return { passageId: target.id, slug: document.slug, evidenceMoved: moves.length };
  });
}
