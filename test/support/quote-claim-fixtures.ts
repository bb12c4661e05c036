// The seed quote marked as a claim, and passages of the real demo corpus to link it to: shared by
// the evidence, review and comment integration tests.
import { randomUUID } from "node:crypto";
import { beforeAll, expect } from "vitest";
import { prisma } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { createClaim } from "@/lib/services/claims/create-claim";
import { submitClaim } from "@/lib/services/claims/submit-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { linkEvidence } from "@/lib/services/evidence/link-evidence";
import { PUTIN_QUOTE, SEED_PARAGRAPHS, withMark } from "@/test/support/article-bodies";
import { buildArticle, buildUser } from "@/test/support/factories";
import { importCorpus } from "@/test/support/source-factories";

/** An editor, a reviewer, and the seed article with Putin's quote marked as the editor's claim. */
export async function seedQuoteClaim() {
  const editor = await buildUser({ role: "editor" });
  const reviewer = await buildUser({ role: "reviewer" });
  const article = await buildArticle({ createdBy: editor, paragraphs: SEED_PARAGRAPHS });
  const id = randomUUID();
  const body = withMark(article.body, id, PUTIN_QUOTE);
  const created = await createClaim({
    actor: editor,
    articleId: article.id,
    input: { version: 1, body, claim: { id, kind: "quote", speaker: "Vladimir Putin" } },
  });
  return { editor, reviewer, article, id, body, articleVersion: created.version, claim: created.claim };
}

/**
 * Imports the corpus once for the calling test file (in its beforeAll) and answers the passage
 * of a corpus document holding `words`, with the words' offsets in the passage.
 */
export function corpusPassageFinder() {
  let corpus: Record<string, { id: string; slug: string }>;
  beforeAll(async () => {
    corpus = await importCorpus(await buildUser({ role: "editor" }));
  });
  return async function passageWith(docId: string, words: string) {
    const passages = await prisma.passage.findMany({
      where: { documentId: corpus[docId]!.id },
      orderBy: { ordinal: "asc" },
    });
    const passage = passages.find((p) => p.text.includes(words));
    if (!passage) throw new Error(`${docId} has no passage with “${words}”`);
    const start = passage.text.indexOf(words);
    return { passageId: passage.id, start, end: start + words.length, passage };
  };
}

/** The error a service refused with; fails the test when it did not refuse. */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a refusal");
}

/** The seed quote claim with India TV linked as supporting evidence, judged and in review. */
export async function submittedQuoteClaim(passageWith: ReturnType<typeof corpusPassageFinder>) {
  const setup = await seedQuoteClaim();
  const { editor, id } = setup;
  const india = await passageWith("indiatv-2025-12-26", "I am concerned about Pakistan");
  const linked = await linkEvidence({
    actor: editor,
    claimId: id,
    input: { passageId: india.passageId, relation: "supports" },
  });
  const judged = await updateClaim({
    actor: editor,
    claimId: id,
    input: {
      version: linked.claim.version,
      verdictKey: "accurate_needs_context",
      rationale: "India TV prints these words; WION words them differently.",
    },
  });
  const inReview = await submitClaim({ actor: editor, claimId: id, input: { version: judged.version } });
  expect(inReview.state).toBe("in_review");
  return { ...setup, claim: inReview, india };
}
