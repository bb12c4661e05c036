// Claims in the states publishing cares about, built directly (the review workflow is tested
// elsewhere): an approved claim with a verdict, a reviewer and evidence in a real source.
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/policies";
import { createClaim } from "@/lib/services/claims/create-claim";

export async function markClaim(
  actor: Actor,
  articleId: string,
  words: string,
  kind: "quote" | "figure" | "attribution" | "other" = "quote",
  speaker: string | null = null,
) {
  const article = await prisma.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { bodyText: true, version: true },
  });
  const start = article.bodyText.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the article`);
  const { claim } = await createClaim({
    actor,
    articleId,
    input: { version: article.version, claim: { kind, speaker }, start, end: start + words.length },
  });
  return claim;
}

/** Links [start, end) of a document's text to the claim, through the passage holding it. */
export async function linkEvidence(
  actor: Actor,
  claimId: string,
  documentId: string,
  words: string,
  relation: "supports" | "contradicts" | "context" = "supports",
) {
  const document = await prisma.sourceDocument.findUniqueOrThrow({
    where: { id: documentId },
    include: { passages: true },
  });
  const start = document.text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the source`);
  const end = start + words.length;
  const passage = document.passages.find((p) => p.start <= start && end <= p.end)!;
  return prisma.evidence.create({
    data: {
      claimId,
      passageId: passage.id,
      relation,
      exact: words,
      prefix: document.text.slice(Math.max(0, start - 32), start),
      suffix: document.text.slice(end, end + 32),
      start,
      end,
      quoteCheck: "minor_differences",
      quoteCheckDetail: {
        result: "minor_differences",
        similarity: 0.9,
        notes: ["One word differs."],
        alignment: [
          { op: "equal", article: "We talked", source: "We talked" },
          { op: "replace", article: "of", source: "about", reason: "words" },
        ],
      },
      createdById: actor.id,
    },
  });
}

export async function approve(
  claimId: string,
  {
    editor,
    reviewer,
    verdictKey = "accurate",
    rationale = "",
  }: { editor: Actor; reviewer: Actor; verdictKey?: string; rationale?: string },
) {
  return prisma.claim.update({
    where: { id: claimId },
    data: {
      state: "approved",
      verdictKey,
      rationale,
      verdictById: editor.id,
      verdictAt: new Date(),
      approvedById: reviewer.id,
      approvedAt: new Date(),
      quoteCheck: "minor_differences",
    },
  });
}
