import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policies";
import { ZSplitPassageRequest, type TSplitPassageRequest } from "@/lib/schemas/sources";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { settleClaimsCiting } from "@/lib/services/claims/claim-content";
import { loadForEdit, passageEditError, repointEvidence, shiftOrdinals } from "@/lib/services/sources/passage-edit";
import { searchTextFor } from "@/lib/services/sources/search-text";
import { splitPassage as splitRanges } from "@/lib/text/segmentation/segment";

/**
 * Splits a passage at an offset inside its text. The first half keeps the passage's id (and
 * so its links); evidence in the second half moves to the new passage; evidence that spans the
 * split point refuses the split.
 */
export async function splitPassage({ actor, input }: { actor: Actor | null; input: TSplitPassageRequest }) {
  authorize(actor, "source:edit");
  const { passageId, at } = ZSplitPassageRequest.parse(input);
  return prisma.$transaction(async (tx) => {
    const { document, passages, target } = await loadForEdit(tx, passageId);
    let ranges;
    try {
      ranges = splitRanges(passages, target.ordinal, target.start + at, document.text);
    } catch (error) {
      passageEditError(error);
    }
    const left = ranges[target.ordinal]!;
    const right = ranges[target.ordinal + 1]!;
    await shiftOrdinals(tx, document.id, target.ordinal, 1);
    const leftText = document.text.slice(left.start, left.end);
    const rightText = document.text.slice(right.start, right.end);
    await tx.passage.update({
      where: { id: target.id },
      data: { end: left.end, text: leftText, searchText: searchTextFor(leftText) },
    });
    const created = await tx.passage.create({
      data: {
        documentId: document.id,
        ordinal: target.ordinal + 1,
        speaker: target.speaker,
        start: right.start,
        end: right.end,
        text: rightText,
        searchText: searchTextFor(rightText),
      },
    });
    const withIds = ranges.map((p, i) => ({
      ...p,
      id: i <= target.ordinal ? passages[i]!.id : i === target.ordinal + 1 ? created.id : passages[i - 1]!.id,
    }));
    const moves = await repointEvidence(tx, [target.id], withIds);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "passage.split",
      entityType: "passage",
      entityId: target.id,
      before: { id: target.id, ordinal: target.ordinal, start: target.start, end: target.end },
      after: {
        passages: [
          { id: target.id, start: left.start, end: left.end },
          { id: created.id, start: right.start, end: right.end },
        ],
        evidenceMoved: moves,
      },
    });
    // Evidence that moved to a passage with another speaker changes what was checked.
    if (moves.length > 0) await settleClaimsCiting(tx, actor, [target.id, created.id]);
    return { passageId: target.id, newPassageId: created.id, slug: document.slug, evidenceMoved: moves.length };
  });
}
