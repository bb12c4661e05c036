import "server-only";
import { prisma } from "@/lib/db";
import { authorize, claimWhereForUser, type Actor } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";
import { ZAddCommentRequest, type TAddCommentRequest } from "@/lib/schemas/comments";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { COMMENT_INCLUDE, presentComments, type CommentView } from "@/lib/services/comments/list-comments";
import { findMentions } from "@/lib/text/comments/mentions";

/** Adds a comment to a claim's thread; `@Name` mentions of active users are recorded. */
export async function addComment({
  actor,
  claimId,
  input,
}: {
  actor: Actor | null;
  claimId: string;
  input: TAddCommentRequest;
}): Promise<CommentView> {
  authorize(actor, "comment:create");
  const { body } = ZAddCommentRequest.parse(input);
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({
      where: { AND: [{ id: claimId }, claimWhereForUser(actor)] },
      select: { id: true, articleId: true },
    });
    if (!claim) throw notFound("That claim");
    const users = await tx.user.findMany({ where: { disabled: false }, select: { id: true, name: true } });
    const mentionIds = findMentions(body, users).map((u) => u.id);
    const row = await tx.comment.create({
      data: { claimId, articleId: claim.articleId, authorId: actor.id, body, mentionIds },
      include: COMMENT_INCLUDE,
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "comment.create",
      entityType: "claim",
      entityId: claimId,
      after: { commentId: row.id, mentionIds },
    });
    const [view] = await presentComments(tx, [row]);
    return view!;
  });
}
