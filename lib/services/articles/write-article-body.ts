import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/policies";
import { checkBody } from "@/lib/editor/body";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimView } from "@/lib/services/claims/present-claim";
import { reconcileClaims, type NewClaimInput } from "@/lib/services/claims/reconcile-claims";

export type BodyWrite = {
  articleId: string;
  version: number;
  body?: unknown;
  meta?: Prisma.ArticleUpdateInput;
  newClaims?: NewClaimInput[];
  reanchorByText?: boolean;
  /** The article as the caller already read it in this transaction, to save reading it again. */
  current?: { version: number; bodyText: string };
};
/** `claims`: every claim as it now stands, when a body was written (null when only metadata was). */
export type BodyWriteResult = { version: number; strippedClaimIds: string[]; claims: ClaimView[] | null };

export function conflict(current: number): AppError {
  return new AppError(
    "conflict",
    "Someone saved this article after you loaded it. Reload to get their version; your unsaved text is kept for you to copy.",
    { currentVersion: current },
  );
}

/**
 * The one way an article's body changes: optimistic version check, validation against the
 * editor's schema, claims reconciled, all inside the caller's transaction.
 */
export async function writeArticleBody(tx: Tx, actor: Actor, write: BodyWrite): Promise<BodyWriteResult> {
  const article =
    write.current ??
    (await tx.article.findUnique({ where: { id: write.articleId }, select: { version: true, bodyText: true } }));
  if (!article) throw new AppError("not_found", "That article was not found, or you do not have access to it.");
  if (article.version !== write.version) throw conflict(article.version);
  let written: { body: object; bodyText: string } | null = null;
  let stripped: string[] = [];
  let claims: ClaimView[] | null = null;
  if (write.body !== undefined) {
    const checked = checkBody(write.body);
    if (!checked.ok) throw new AppError("invalid_input", checked.message);
    const result = await reconcileClaims(tx, {
      actor,
      articleId: write.articleId,
      oldText: article.bodyText,
      doc: checked.doc,
      newClaims: write.newClaims,
      reanchorByText: write.reanchorByText,
    });
    written = { body: result.doc.toJSON() as object, bodyText: result.text };
    stripped = result.strippedClaimIds;
    claims = result.claims;
  }
  await commitVersion(tx, {
    articleId: write.articleId,
    version: write.version,
    data: { ...(write.meta as Prisma.ArticleUpdateManyMutationInput), ...(written && { bodyText: written.bodyText }) },
    body: written?.body,
  });
  return { version: write.version + 1, strippedClaimIds: stripped, claims };
}

/**
 * Writes a new version of an article: `data` and the version bump in one statement whose WHERE
 * holds the version (so the check and the write are one step: of two saves from the same version,
 * exactly one matches; the other is a conflict), then the body, if it changed, in the same
 * transaction (writeBodyJson).
 */
export async function commitVersion(
  tx: Tx,
  write: { articleId: string; version: number; data?: Prisma.ArticleUpdateManyMutationInput; body?: object },
): Promise<void> {
  const { count } = await tx.article.updateMany({
    where: { id: write.articleId, version: write.version },
    data: { ...write.data, version: { increment: 1 } },
  });
  if (count !== 1) throw conflict(write.version + 1);
  if (write.body) await writeBodyJson(tx, write.articleId, write.body);
}

/**
 * Writes an article's body (jsonb) as one JSON text. Prisma's client walks every object and array
 * of a Json argument to build its query: 20–25 ms and most of the garbage of a save, for a
 * 20,000-word body with a thousand claim marks. A text parameter cast to jsonb stores the same
 * value; PostgreSQL parses it (docs/decisions/0012).
 */
async function writeBodyJson(tx: Tx, articleId: string, body: object): Promise<void> {
  await tx.$executeRaw`UPDATE articles SET body = ${JSON.stringify(body)}::jsonb WHERE id = ${articleId}`;
}
