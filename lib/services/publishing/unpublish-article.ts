import "server-only";
import { prisma } from "@/lib/db";
import { articleWhereForUser, authorize, type Actor } from "@/lib/auth/policies";
import { AppError, notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { citedSourceSlugs } from "@/lib/services/publishing/cited-sources";

/** Takes a published fact-check off the web: readers get 404; its snapshots stay as history. */
export async function unpublishArticle({
  actor,
  articleId,
}: {
  actor: Actor | null;
  articleId: string;
}): Promise<{ articleId: string; state: "unpublished"; sourceSlugs: string[] }> {
  authorize(actor, "article:publish");
  return prisma.$transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { AND: [{ id: articleId }, articleWhereForUser(actor)] },
      select: { state: true, snapshots: { select: { content: true }, orderBy: { number: "desc" }, take: 1 } },
    });
    if (!article) throw notFound("That article");
    if (article.state !== "published")
      throw new AppError("conflict", "This article is not published, so there is nothing to unpublish.");
    await tx.article.update({ where: { id: articleId }, data: { state: "unpublished" } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "article.unpublish",
      entityType: "article",
      entityId: articleId,
      before: { state: "published" },
      after: { state: "unpublished" },
    });
    return { articleId, state: "unpublished" as const, sourceSlugs: citedSourceSlugs(article.snapshots[0]?.content) };
  });
}
