import "server-only";
import type { Tx } from "@/lib/db";

export type HistoryEntry = {
  id: string;
  action: string;
  actor: { id: string; name: string } | null;
  at: string;
  summary: string;
};

const SUMMARY: Record<string, string> = {
  "claim.create": "marked the claim",
  "claim.update": "changed its kind or speaker",
  "claim.verdict": "set the verdict",
  "claim.submit": "submitted it for review",
  "claim.confirm": "confirmed the verdict still holds",
  "claim.review.approve": "approved it",
  "claim.review.request_changes": "requested changes",
  "claim.review.reject": "rejected it",
  "claim.stale": "its words or evidence changed after it was checked",
  "claim.restore": "its words came back as checked",
  "claim.text-change": "its words changed",
  "claim.orphan": "its words were deleted from the article",
  "claim.reanchor": "its words came back into the article",
  "claim.left-out": "left it out of publication",
  "claim.leave_out": "left it out of publication",
  "claim.include": "included it in publication again",
  "comment.create": "commented",
  "evidence.link": "linked evidence",
  "evidence.update": "changed how evidence bears on it",
  "evidence.remove": "removed evidence",
};

/** The claim's audit trail (and its evidence's), oldest first, in words a person reads. */
export async function listClaimHistory(tx: Tx, claimId: string, evidenceIds: string[]): Promise<HistoryEntry[]> {
  const events = await tx.auditEvent.findMany({
    where: {
      OR: [
        { entityType: "claim", entityId: claimId },
        {
          entityType: "evidence",
          OR: [
            { entityId: { in: evidenceIds } },
            { after: { path: ["claimId"], equals: claimId } },
            { before: { path: ["claimId"], equals: claimId } },
          ],
        },
      ],
    },
    include: { actor: { select: { id: true, name: true } } },
    orderBy: { id: "asc" },
    take: 200,
  });
  return events.map((e) => {
    const detail = (e.after ?? e.before) as { document?: string; comment?: string } | null;
    // An event this list has no words for yet still reads as words, not as its key.
    const base = SUMMARY[e.action] ?? e.action.replace(/[._-]+/g, " ");
    const extra = detail?.document ? ` (${detail.document})` : detail?.comment ? `: “${detail.comment}”` : "";
    return {
      id: e.id.toString(),
      action: e.action,
      actor: e.actor,
      at: e.createdAt.toISOString(),
      summary: `${base}${extra}`,
    };
  });
}
