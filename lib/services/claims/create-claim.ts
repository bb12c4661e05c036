import "server-only";
import { randomUUID } from "node:crypto";
import { Node as PMNode } from "@tiptap/pm/model";
import { prisma } from "@/lib/db";
import { articleWhereForUser, authorize, type Actor } from "@/lib/auth/policies";
import { addClaimMark } from "@/lib/editor/claim-ranges";
import { articleSchema } from "@/lib/editor/extensions";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZCreateClaimRequest, type TCreateClaimRequest } from "@/lib/schemas/claims";
import { writeArticleBody } from "@/lib/services/articles/write-article-body";
import { listClaims } from "@/lib/services/claims/list-claims";
import type { ClaimView } from "@/lib/services/claims/present-claim";
import { trimQuotationMarks } from "@/lib/text/segmentation/speaker";

export type ClaimCreated = { claim: ClaimView; version: number; claims: ClaimView[] };

/**
 * Marks a claim: the editor sends the body with the new mark in it, a script sends offsets
 * into the article's text. Either way the mark, the claim row and the new article version land
 * in one transaction.
 */
export async function createClaim({ actor, articleId, input }: { actor: Actor | null; articleId: string; input: TCreateClaimRequest }): Promise<ClaimCreated> {
  authorize(actor, "claim:create");
  const data = ZCreateClaimRequest.parse(input);
  const id = data.claim.id ?? randomUUID();
  const version = await prisma.$transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { AND: [{ id: articleId }, articleWhereForUser(actor)] }, select: { body: true, bodyText: true, version: true } });
    if (!article) throw notFound("That article");
    if (await tx.claim.findUnique({ where: { id } })) throw new AppError("conflict", "A claim with that id already exists.");
    let body = data.body;
    if (body === undefined) {
      let { start, end } = { start: data.start!, end: data.end! };
      if (end > article.bodyText.length) throw new AppError("invalid_input", `The article's text has ${article.bodyText.length} characters; end is past it.`);
      if (data.claim.kind === "quote") ({ start, end } = trimQuotationMarks(article.bodyText, start, end));
      if (!article.bodyText.slice(start, end).trim()) throw new AppError("invalid_input", "That range holds no words to check.");
      body = addClaimMark(PMNode.fromJSON(articleSchema(), article.body), articleSchema(), { claimId: id, start, end }).toJSON();
    }
    const result = await writeArticleBody(tx, actor, { articleId, version: data.version, body, newClaims: [{ id, kind: data.claim.kind, speaker: data.claim.speaker ?? null }], current: article });
    return result.version;
  }).catch((error: unknown) => {
    // Two requests with one new id: the second loses on the primary key, as a conflict.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("conflict", "A claim with that id already exists.");
    throw error;
  });
  const claims = await listClaims({ actor, articleId });
  return { claim: claims.find((c) => c.id === id)!, version, claims };
}
