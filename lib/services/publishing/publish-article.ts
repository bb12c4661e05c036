import "server-only";
import { Node as PMNode } from "@tiptap/pm/model";
import { prisma } from "@/lib/db";
import { articleWhereForUser, authorize, type Actor } from "@/lib/auth/policies";
import { claimRanges, removeClaimMarks } from "@/lib/editor/claim-ranges";
import { articleSchema } from "@/lib/editor/extensions";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { isPublishable, publishBlockers } from "@/lib/services/publishing/blockers";
import { buildSnapshotContent } from "@/lib/services/publishing/build-snapshot-content";

export type Published = {
  articleId: string;
  number: number;
  publishedAt: string;
  claimCount: number;
  sourceSlugs: string[];
};

/**
 * Publishes the article as it is now (first publish or an update): one immutable snapshot with
 * the body, the approved claims, their evidence words and source metadata. Refused, with every
 * blocker listed, while any claim is neither approved nor left out. The caller revalidates the
 * reader's pages (lib/publishing/revalidate-reader.ts).
 */
export async function publishArticle({
  actor,
  articleId,
}: {
  actor: Actor | null;
  articleId: string;
}): Promise<Published> {
  authorize(actor, "article:publish");
  return prisma
    .$transaction(async (tx) => {
      // Lock the article row: two publishes at once would race for the same snapshot number,
      // and an autosave between reading the claims and writing the snapshot would be lost.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM articles WHERE id = ${articleId} FOR UPDATE`;
      const article = locked.length
        ? await tx.article.findFirst({
            where: { AND: [{ id: articleId }, articleWhereForUser(actor)] },
            include: {
              claims: {
                select: { id: true, exact: true, state: true, anchorStatus: true, leftOut: true, verdictKey: true },
              },
              snapshots: { select: { number: true }, orderBy: { number: "desc" }, take: 1 },
            },
          })
        : null;
      if (!article) throw notFound("That article");
      const blockers = publishBlockers(article.claims);
      if (blockers.length) {
        const s = blockers.length === 1 ? "One claim stops" : `${blockers.length} claims stop`;
        throw new AppError(
          "conflict",
          `${s} this article from being published: ${blockers.map((b) => b.reason).join(" ")}`,
          { blockers },
        );
      }
      const published = article.claims.filter(isPublishable).map((c) => c.id);
      if (published.length === 0)
        throw new AppError("conflict", "Nothing to publish yet: no claim of this article is approved.");

      // Readers get the marks of published claims only: the rest is newsroom work.
      const doc = PMNode.fromJSON(articleSchema(), article.body);
      const keep = new Set(published);
      const body = removeClaimMarks(doc, new Set([...claimRanges(doc).keys()].filter((id) => !keep.has(id)))).toJSON();
      const content = await buildSnapshotContent(tx, { article, claimIds: published });
      const number = (article.snapshots[0]?.number ?? 0) + 1;
      const snapshot = await tx.articleSnapshot.create({
        data: {
          articleId,
          number,
          articleVersion: article.version,
          title: article.title,
          body,
          bodyText: article.bodyText,
          content: content as object,
          publishedById: actor.id,
        },
      });
      const now = snapshot.publishedAt;
      await tx.article.update({
        where: { id: articleId },
        data: { state: "published", factCheckPublishedAt: article.factCheckPublishedAt ?? now },
      });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: number === 1 ? "article.publish" : "article.publish_update",
        entityType: "article",
        entityId: articleId,
        before: { state: article.state, snapshot: number - 1 || null },
        after: {
          state: "published",
          snapshot: number,
          snapshotId: snapshot.id,
          articleVersion: article.version,
          claimIds: published,
        },
      });
      return {
        articleId,
        number,
        publishedAt: now.toISOString(),
        claimCount: published.length,
        sourceSlugs: content.sources.map((s) => s.slug),
      };
    })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
        throw new AppError("conflict", "Someone else published this article at the same moment; reload and try again.");
      throw error;
    });
}
