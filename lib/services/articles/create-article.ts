import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policies";
import { checkBody } from "@/lib/editor/body";
import { AppError } from "@/lib/errors";
import { ZCreateArticleRequest, type TCreateArticleRequest } from "@/lib/schemas/articles";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { presentArticle, type ArticleView } from "@/lib/services/articles/present-article";

export async function createArticle({
  actor,
  input,
}: {
  actor: Actor | null;
  input: TCreateArticleRequest;
}): Promise<ArticleView> {
  authorize(actor, "article:create");
  const data = ZCreateArticleRequest.parse(input);
  const checked = checkBody(data.body);
  if (!checked.ok) throw new AppError("invalid_input", checked.message);
  if (checked.claimIds.size > 0)
    throw new AppError("invalid_input", "A new article cannot carry claim marks; mark claims after it is created.");
  return prisma.$transaction(async (tx) => {
    const row = await tx.article.create({
      data: {
        title: data.title,
        outlet: data.outlet ?? null,
        byline: data.byline ?? null,
        dateline: data.dateline ?? null,
        publishedAt: data.publishedAt ? new Date(data.publishedAt) : null,
        canonicalUrl: data.canonicalUrl ?? null,
        body: checked.doc.toJSON(),
        bodyText: checked.text,
        createdById: actor.id,
      },
    });
    const view = presentArticle(row);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "article.create",
      entityType: "article",
      entityId: row.id,
      after: { ...view, body: undefined },
    });
    return view;
  });
}
