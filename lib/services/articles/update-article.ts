import "server-only";
import { prisma } from "@/lib/db";
import { articleWhereForUser, authorize, type Actor } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";
import { ZUpdateArticleRequest, type TUpdateArticleRequest } from "@/lib/schemas/articles";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { writeArticleBody } from "@/lib/services/articles/write-article-body";
import { listClaims } from "@/lib/services/claims/list-claims";
import { textChange } from "@/lib/text/anchoring/text-change";
import type { ClaimView } from "@/lib/services/claims/present-claim";

export type ArticleSaved = { version: number; claims: ClaimView[]; strippedClaimIds: string[] };

/** What an update's audit event compares, read before and after the write. */
const AUDITED = {
  title: true,
  outlet: true,
  byline: true,
  dateline: true,
  publishedAt: true,
  canonicalUrl: true,
  bodyText: true,
  version: true,
} as const;

export async function updateArticle({
  actor,
  articleId,
  input,
}: {
  actor: Actor | null;
  articleId: string;
  input: TUpdateArticleRequest;
}): Promise<ArticleSaved> {
  authorize(actor, "article:update");
  const data = ZUpdateArticleRequest.parse(input);
  const saved = await prisma.$transaction(async (tx) => {
    const before = await tx.article.findFirst({
      where: { AND: [{ id: articleId }, articleWhereForUser(actor)] },
      select: { id: true, ...AUDITED },
    });
    if (!before) throw notFound("That article");
    const meta = {
      title: data.title,
      outlet: data.outlet,
      byline: data.byline,
      dateline: data.dateline,
      canonicalUrl: data.canonicalUrl,
      publishedAt: data.publishedAt === undefined ? undefined : data.publishedAt ? new Date(data.publishedAt) : null,
    };
    const result = await writeArticleBody(tx, actor, {
      articleId,
      version: data.version,
      body: data.body,
      meta,
      reanchorByText: data.reanchorByText,
      current: before,
    });
    const after = await tx.article.findUniqueOrThrow({
      where: { id: articleId },
      select: AUDITED,
    });
    // The body is recorded as the one region that changed, not as two whole texts per autosave.
    const { bodyText: oldText, ...metaBefore } = before;
    const { bodyText: newText, ...metaAfter } = after;
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "article.update",
      entityType: "article",
      entityId: articleId,
      before: { ...metaBefore, id: undefined },
      after: { ...metaAfter, bodyChange: textChange(oldText, newText) },
    });
    return result;
  });
  // A body save already has every claim as it now stands; a metadata save moved none.
  const { claims, ...rest } = saved;
  return { ...rest, claims: claims ?? (await listClaims({ actor, articleId })) };
}
