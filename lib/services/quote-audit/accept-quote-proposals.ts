import "server-only";
import { randomUUID } from "node:crypto";
import { Node as PMNode } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { prisma } from "@/lib/db";
import { articleWhereForUser, authorize, type Actor } from "@/lib/auth/policies";
import { CLAIM_MARK } from "@/lib/editor/claim-mark";
import { articleSchema } from "@/lib/editor/extensions";
import { buildTextMap, offsetToPos } from "@/lib/editor/text-map";
import { AppError, notFound } from "@/lib/errors";
import { ZAcceptQuoteProposalsRequest, type TAcceptQuoteProposalsRequest } from "@/lib/schemas/quote-audit";
import { conflict, writeArticleBody } from "@/lib/services/articles/write-article-body";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { settleClaimContent } from "@/lib/services/claims/claim-content";
import { INSIDE_A_CHARACTER } from "@/lib/services/claims/create-claim";
import { listClaims } from "@/lib/services/claims/list-claims";
import type { ClaimView } from "@/lib/services/claims/present-claim";
import { insertEvidence } from "@/lib/services/evidence/insert-evidence";
import { trimQuotationMarks } from "@/lib/text/segmentation/speaker";
import { splitsSurrogatePair } from "@/lib/text/core/characters";

export type ProposalsAccepted = { version: number; claims: ClaimView[] };

// Hundreds of claims with their evidence and quote checks take longer than Prisma's default 5 s.
const TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

/**
 * Saves the proposals an editor accepted from the quote audit: one quote claim per proposal
 * (its mark in the body), and the evidence chosen for it, with audit events, in one
 * transaction. The version is the article's when it was audited: if it was saved since, the
 * offsets may point at other words, so the whole acceptance is refused as a conflict.
 */
export async function acceptQuoteProposals({
  actor,
  articleId,
  input,
}: {
  actor: Actor | null;
  articleId: string;
  input: TAcceptQuoteProposalsRequest;
}): Promise<ProposalsAccepted> {
  authorize(actor, "claim:create");
  const data = ZAcceptQuoteProposalsRequest.parse(input);
  if (data.proposals.some((p) => p.evidence)) authorize(actor, "evidence:link");
  const { version, ids } = await prisma.$transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { AND: [{ id: articleId }, articleWhereForUser(actor)] },
      select: { body: true, bodyText: true, version: true },
    });
    if (!article) throw notFound("That article");
    if (article.version !== data.version) throw conflict(article.version);
    const text = article.bodyText;
    const schema = articleSchema();
    const doc = PMNode.fromJSON(schema, article.body);
    const map = buildTextMap(doc);
    // Marks leave the text as it is, so one map serves every new mark.
    const transform = new Transform(doc);
    const claims = data.proposals.map((proposal, k) => {
      if (proposal.end > text.length)
        throw new AppError(
          "invalid_input",
          `Proposal ${k + 1}: the article's text has ${text.length} characters; end is past it.`,
        );
      if (splitsSurrogatePair(text, proposal.start) || splitsSurrogatePair(text, proposal.end))
        throw new AppError("invalid_input", `Proposal ${k + 1}: ${INSIDE_A_CHARACTER}`);
      const { start, end } = trimQuotationMarks(text, proposal.start, proposal.end);
      if (!/[\p{L}\p{N}]/u.test(text.slice(start, end)))
        throw new AppError("invalid_input", `Proposal ${k + 1}: that range holds no words to check.`);
      const id = randomUUID();
      transform.addMark(
        offsetToPos(map, start, "start"),
        offsetToPos(map, end, "end"),
        schema.marks[CLAIM_MARK]!.create({ claimId: id }),
      );
      return { id, kind: "quote" as const, speaker: proposal.speaker ?? null };
    });
    const written = await writeArticleBody(tx, actor, {
      articleId,
      version: data.version,
      body: transform.doc.toJSON(),
      newClaims: claims,
      current: article,
    });
    for (const [k, proposal] of data.proposals.entries()) {
      const evidence = proposal.evidence;
      if (!evidence) continue;
      await insertEvidence(tx, actor, {
        claimId: claims[k]!.id,
        passageId: evidence.passageId,
        start: evidence.start,
        end: evidence.end,
        relation: evidence.relation,
      });
      // The claim keeps its evidence's best quote check, as when evidence is linked by hand.
      await settleClaimContent(tx, actor, claims[k]!.id, "evidence");
    }
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "article.quote-audit.accept",
      entityType: "article",
      entityId: articleId,
      after: {
        version: written.version,
        claims: claims.map((c, k) => ({
          id: c.id,
          speaker: c.speaker,
          passageId: data.proposals[k]!.evidence?.passageId ?? null,
        })),
      },
    });
    return { version: written.version, ids: claims.map((c) => c.id) };
  }, TRANSACTION);
  const all = await listClaims({ actor, articleId });
  const byId = new Map(all.map((c) => [c.id, c]));
  return { version, claims: ids.flatMap((id) => byId.get(id) ?? []) };
}
