import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policies";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZReviewQueueFilter, type TReviewQueueFilter } from "@/lib/schemas/reviews";
import { CLAIM_VIEW_INCLUDE, presentClaim, type ClaimView } from "@/lib/services/claims/present-claim";
import { sentenceContext, type SentenceContext } from "@/lib/text/segmentation/sentence-context";

export type QueueItem = {
  claim: ClaimView;
  article: { id: string; title: string };
  editor: { id: string; name: string } | null;
  verdict: { key: string; label: string } | null;
  submittedAt: string | null;
  sentence: SentenceContext;
};

/**
 * Claims waiting for a reviewer, oldest submission first: those in review, and stale ones (their
 * words or evidence changed after they were checked) so the reviewer sees what is coming back.
 */
export async function listReviewQueue({
  actor,
  filter = {},
}: {
  actor: Actor | null;
  filter?: TReviewQueueFilter;
}): Promise<QueueItem[]> {
  authorize(actor, "review:read");
  const { articleId, verdictKey, editorId } = ZReviewQueueFilter.parse(filter);
  const where: Prisma.ClaimWhereInput = {
    state: { in: ["in_review", "stale"] },
    anchorStatus: "anchored",
    articleId,
    verdictKey,
    verdictById: editorId,
  };
  const rows = await prisma.claim.findMany({
    where,
    include: {
      ...CLAIM_VIEW_INCLUDE,
      article: { select: { id: true, title: true, bodyText: true } },
      verdict: { select: { key: true, label: true } },
      verdictBy: { select: { id: true, name: true } },
    },
    orderBy: [{ submittedAt: { sort: "asc", nulls: "last" } }, { updatedAt: "asc" }],
    take: 500,
  });
  return rows.map((row) => ({
    claim: presentClaim(row),
    article: { id: row.article.id, title: row.article.title },
    editor: row.verdictBy,
    verdict: row.verdict,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    sentence: sentenceContext(row.article.bodyText, row.start, row.end, 200),
  }));
}
