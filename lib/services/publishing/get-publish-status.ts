import "server-only";
import { prisma } from "@/lib/db";
import { articleWhereForUser, authorize, type Actor } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";
import type { ArticleState, ClaimState } from "@/lib/generated/prisma/client";
import { isPublishable, publishBlockers, type PublishBlocker } from "@/lib/services/publishing/blockers";

export type PublishStatus = {
  articleId: string;
  state: ArticleState;
  version: number;
  blockers: PublishBlocker[];
  /** Claims the next snapshot would publish. */
  publishableCount: number;
  /** Every claim that is not publishable, with whether it is left out (the leave-out control). */
  others: { id: string; exact: string; state: ClaimState; orphaned: boolean; leftOut: boolean }[];
  latest: { number: number; articleVersion: number; publishedAt: string } | null;
  /** The article was edited since its newest snapshot: readers still see the snapshot. */
  changedSincePublished: boolean;
};

/** What publishing this article would do, and what stops it (the publish panel and the API). */
export async function getPublishStatus({
  actor,
  articleId,
}: {
  actor: Actor | null;
  articleId: string;
}): Promise<PublishStatus> {
  authorize(actor, "workbench:read");
  const article = await prisma.article.findFirst({
    where: { AND: [{ id: articleId }, articleWhereForUser(actor)] },
    select: {
      id: true,
      state: true,
      version: true,
      claims: {
        select: { id: true, exact: true, state: true, anchorStatus: true, leftOut: true, verdictKey: true },
        orderBy: { start: "asc" },
      },
      snapshots: {
        select: { number: true, articleVersion: true, publishedAt: true },
        orderBy: { number: "desc" },
        take: 1,
      },
    },
  });
  if (!article) throw notFound("That article");
  const latest = article.snapshots[0];
  return {
    articleId: article.id,
    state: article.state,
    version: article.version,
    blockers: publishBlockers(article.claims),
    publishableCount: article.claims.filter(isPublishable).length,
    others: article.claims
      .filter((c) => !isPublishable(c))
      .map((c) => ({
        id: c.id,
        exact: c.exact,
        state: c.state,
        orphaned: c.anchorStatus === "orphaned",
        leftOut: c.leftOut,
      })),
    latest: latest
      ? { number: latest.number, articleVersion: latest.articleVersion, publishedAt: latest.publishedAt.toISOString() }
      : null,
    changedSincePublished: latest ? latest.articleVersion !== article.version : false,
  };
}
