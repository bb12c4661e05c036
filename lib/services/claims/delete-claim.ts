import "server-only";
import { Node as PMNode } from "@tiptap/pm/model";
import { prisma } from "@/lib/db";
import { authorize, claimWhereForUser, type Actor } from "@/lib/auth/policies";
import { removeClaimMarks } from "@/lib/editor/claim-ranges";
import { articleSchema } from "@/lib/editor/extensions";
import { notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { writeArticleBody } from "@/lib/services/articles/write-article-body";

/** Deletes a claim on purpose: its row and its mark go together, with the article's version. */
export async function deleteClaim({
  actor,
  claimId,
  articleVersion,
}: {
  actor: Actor | null;
  claimId: string;
  articleVersion: number;
}): Promise<{ version: number }> {
  authorize(actor, "claim:delete");
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({
      where: { AND: [{ id: claimId }, claimWhereForUser(actor)] },
      include: { article: { select: { body: true } } },
    });
    if (!claim) throw notFound("That claim");
    await tx.claim.delete({ where: { id: claimId } });
    const body = removeClaimMarks(PMNode.fromJSON(articleSchema(), claim.article.body), new Set([claimId])).toJSON();
    const result = await writeArticleBody(tx, actor, { articleId: claim.articleId, version: articleVersion, body });
    const { article: _article, ...before } = claim;
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "claim.delete",
      entityType: "claim",
      entityId: claimId,
      before,
    });
    return { version: result.version };
  });
}
