import "server-only";
import { prisma } from "@/lib/db";
import { articleWhereForUser, type Actor } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";
import { presentArticle, type ArticleView } from "@/lib/services/articles/present-article";

export async function getArticle({
  actor,
  articleId,
}: {
  actor: Actor | null;
  articleId: string;
}): Promise<ArticleView> {
  const row = await prisma.article.findFirst({
    where: { AND: [{ id: articleId }, articleWhereForUser(actor)] },
    include: { _count: { select: { claims: true } } },
  });
  if (!row) throw notFound("That article");
  return presentArticle(row);
}
