import "server-only";
import { prisma, readFromFreshReplica } from "@/lib/db";
import { publishedSnapshotWhere } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";
import type { PublishedSnapshot, SnapshotContent } from "@/lib/services/publishing/snapshot-content";

/**
 * What a reader may see of an article: its newest published snapshot, never the live rows, so
 * work in progress (drafts, unapproved claims, edits since publishing) cannot leak. An
 * unpublished or never-published article is simply not found.
 */
export async function getPublishedArticle({ articleId }: { articleId: string }): Promise<PublishedSnapshot> {
  // The replica, unless it has not yet replayed a publish this process heard of (lib/db.ts).
  const [latest, first] = await readFromFreshReplica(() =>
    Promise.all([
      prisma.articleSnapshot.findFirst({
        where: { AND: [{ articleId }, publishedSnapshotWhere()] },
        orderBy: { number: "desc" },
      }),
      prisma.articleSnapshot.findFirst({
        where: { AND: [{ articleId }, publishedSnapshotWhere()] },
        orderBy: { number: "asc" },
        select: { publishedAt: true },
      }),
    ]),
  );
  if (!latest || !first) throw notFound("That fact-check");
  return {
    articleId: latest.articleId,
    number: latest.number,
    title: latest.title,
    body: latest.body,
    bodyText: latest.bodyText,
    content: latest.content as SnapshotContent,
    publishedAt: latest.publishedAt.toISOString(),
    firstPublishedAt: first.publishedAt.toISOString(),
  };
}
