import "server-only";
import { prisma } from "@/lib/db";
import { articleWhereForUser, type Actor } from "@/lib/auth/policies";
import type { ArticleState } from "@/lib/generated/prisma/client";
import { presentArticleSummary, type ArticleSummary } from "@/lib/services/articles/present-article";

export async function listArticles({
  actor,
  state,
}: {
  actor: Actor | null;
  state?: ArticleState;
}): Promise<ArticleSummary[]> {
  const rows = await prisma.article.findMany({
    where: { AND: [articleWhereForUser(actor), state ? { state } : {}] },
    select: {
      id: true,
      title: true,
      outlet: true,
      byline: true,
      state: true,
      version: true,
      publishedAt: true,
      updatedAt: true,
      _count: { select: { claims: true } },
    },
    orderBy: { updatedAt: "desc" },
    take: 500,
  });
  return rows.map(presentArticleSummary);
}
