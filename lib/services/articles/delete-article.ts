import "server-only";
import { prisma } from "@/lib/db";
import { articleWhereForUser, authorize, type Actor } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { conflict } from "@/lib/services/articles/write-article-body";
import { citedSourceSlugs } from "@/lib/services/publishing/cited-sources";

/**
 * Deletes an article with its claims, evidence and snapshots, at the version the caller saw. A
 * published article leaves the web with it (the route expires its reader pages).
 */
export async function deleteArticle({
  actor,
  articleId,
  version,
}: {
  actor: Actor | null;
  articleId: string;
  version: number;
}): Promise<{ articleId: string; wasPublished: boolean; sourceSlugs: string[] }> {
  authorize(actor, "article:delete");
  return prisma.$transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { AND: [{ id: articleId }, articleWhereForUser(actor)] },
      select: {
        id: true,
        title: true,
        version: true,
        state: true,
        _count: { select: { claims: true } },
        snapshots: { select: { content: true }, orderBy: { number: "desc" }, take: 1 },
      },
    });
    if (!article) throw notFound("That article");
    // The version in the WHERE: a save that lands after our read is not deleted unseen.
    const { count } = await tx.article.deleteMany({ where: { id: articleId, version } });
    if (count !== 1) throw conflict(article.version);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "article.delete",
      entityType: "article",
      entityId: articleId,
      before: {
        title: article.title,
        state: article.state,
        version: article.version,
        claimCount: article._count.claims,
      },
    });
    // Its snapshots go with it: the caller expires the reader pages that showed the newest one.
    return {
      articleId,
      wasPublished: article.snapshots.length > 0,
      sourceSlugs: citedSourceSlugs(article.snapshots[0]?.content),
    };
  });
}
