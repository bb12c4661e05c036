import "server-only";
import { randomUUID } from "node:crypto";
import { Node as PMNode } from "@tiptap/pm/model";
import { prisma, type Tx } from "@/lib/db";
import { articleWhereForUser, authorize, type Actor } from "@/lib/auth/policies";
import { addClaimMark } from "@/lib/editor/claim-ranges";
import { articleSchema } from "@/lib/editor/extensions";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZCreateClaimRequest, type TCreateClaimRequest } from "@/lib/schemas/claims";
import { commitVersion, conflict, writeArticleBody } from "@/lib/services/articles/write-article-body";
import { presentClaim, type ClaimView } from "@/lib/services/claims/present-claim";
import { createClaimRow, type NewClaimInput } from "@/lib/services/claims/reconcile-claims";
import { trimQuotationMarks } from "@/lib/text/segmentation/speaker";
import { splitsSurrogatePair } from "@/lib/text/core/characters";

/** Offsets count UTF-16 code units; one that falls between the two halves of a character splits it. */
export const INSIDE_A_CHARACTER =
  "start and end must not fall inside a character: an emoji or another character written as two UTF-16 code units counts as two, and a range must hold both.";

/** `claims` (every claim of the article) only when a body was sent: a body may move other claims. */
export type ClaimCreated = { claim: ClaimView; version: number; claims?: ClaimView[] };

type Stored = { body: unknown; bodyText: string; version: number };
type Data = ReturnType<typeof ZCreateClaimRequest.parse>;

/**
 * Marks a claim. By offsets into the article's text (the editor when it has no unsaved edits,
 * and scripts), the server puts the mark into the stored body: the text does not change, so no
 * other claim moves and nothing else is reconciled. With a whole body (the editor when it has
 * unsaved edits: they are saved with the mark) every claim is reconciled as in a save. Either
 * way the mark, the claim row and the new article version land in one transaction, and a stale
 * version is a conflict.
 */
export async function createClaim({
  actor,
  articleId,
  input,
}: {
  actor: Actor | null;
  articleId: string;
  input: TCreateClaimRequest;
}): Promise<ClaimCreated> {
  authorize(actor, "claim:create");
  const data = ZCreateClaimRequest.parse(input);
  const fresh: NewClaimInput = {
    id: data.claim.id ?? randomUUID(),
    kind: data.claim.kind,
    speaker: data.claim.speaker ?? null,
  };
  const created = await prisma
    .$transaction(async (tx) => {
      const article = await tx.article.findFirst({
        where: { AND: [{ id: articleId }, articleWhereForUser(actor)] },
        select: { body: true, bodyText: true, version: true },
      });
      if (!article) throw notFound("That article");
      if (await tx.claim.findUnique({ where: { id: fresh.id }, select: { id: true } }))
        throw new AppError("conflict", "A claim with that id already exists.");
      if (data.body === undefined)
        return {
          claim: presentClaim(await markByOffsets(tx, actor, articleId, article, data, fresh)),
          version: data.version + 1,
        };
      const result = await writeArticleBody(tx, actor, {
        articleId,
        version: data.version,
        body: data.body,
        newClaims: [fresh],
        current: article,
      });
      return { claim: null, version: result.version, claims: result.claims! };
    })
    .catch((error: unknown) => {
      // Two requests with one new id: the second loses on the primary key, as a conflict.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
        throw new AppError("conflict", "A claim with that id already exists.");
      throw error;
    });
  if (created.claim) return { claim: created.claim, version: created.version };
  return { claim: created.claims.find((c) => c.id === fresh.id)!, version: created.version, claims: created.claims };
}

async function markByOffsets(
  tx: Tx,
  actor: Actor,
  articleId: string,
  article: Stored,
  data: Data,
  fresh: NewClaimInput,
) {
  if (article.version !== data.version) throw conflict(article.version);
  const text = article.bodyText;
  let { start, end } = { start: data.start!, end: data.end! };
  if (end > text.length)
    throw new AppError("invalid_input", `The article's text has ${text.length} characters; end is past it.`);
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end))
    throw new AppError("invalid_input", INSIDE_A_CHARACTER);
  if (data.exact !== undefined) {
    // The caller chose these words in the version it names: they must be there, untrimmed.
    if (text.slice(start, end) !== data.exact)
      throw new AppError(
        "invalid_input",
        "The article's text at start–end is not the exact words sent: count UTF-16 code units in the text of the version you loaded.",
      );
  } else if (fresh.kind === "quote") ({ start, end } = trimQuotationMarks(text, start, end));
  if (!text.slice(start, end).trim()) throw new AppError("invalid_input", "That range holds no words to check.");
  // The stored body was checked when it was written; adding a mark keeps it valid.
  const body = addClaimMark(PMNode.fromJSON(articleSchema(), article.body), articleSchema(), {
    claimId: fresh.id,
    start,
    end,
  }).toJSON() as object;
  await commitVersion(tx, { articleId, version: data.version, body });
  return createClaimRow(tx, actor, articleId, fresh, { start, end }, text);
}
