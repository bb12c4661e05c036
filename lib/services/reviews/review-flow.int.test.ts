import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { updateArticle } from "@/lib/services/articles/update-article";
import { createClaim } from "@/lib/services/claims/create-claim";
import { getClaimDossier } from "@/lib/services/claims/get-claim-dossier";
import { submitClaim } from "@/lib/services/claims/submit-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { addComment } from "@/lib/services/comments/add-comment";
import { listMentions } from "@/lib/services/comments/list-mentions";
import { removeEvidence, updateEvidence } from "@/lib/services/evidence/change-evidence";
import { linkEvidence } from "@/lib/services/evidence/link-evidence";
import { listEvidence } from "@/lib/services/evidence/list-evidence";
import { listReviews } from "@/lib/services/reviews/list-reviews";
import { listReviewQueue } from "@/lib/services/reviews/list-review-queue";
import { reviewClaim } from "@/lib/services/reviews/review-claim";
import { setPassageSpeaker } from "@/lib/services/sources/set-passage-speaker";
import { mergePassages } from "@/lib/services/sources/merge-passages";
import { buildArticle, buildUser } from "@/test/support/factories";
import { PUTIN_QUOTE, replaceText, SEED_PARAGRAPHS, withMark } from "@/test/support/article-bodies";
import { importCorpus } from "@/test/support/source-factories";

let corpus: Record<string, { id: string; slug: string }>;
let librarian: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  librarian = await buildUser({ role: "editor" });
  corpus = await importCorpus(librarian);
});

/** The passage of a corpus document holding `words`, with the words' offsets in the passage. */
async function passageWith(docId: string, words: string) {
  const passages = await prisma.passage.findMany({
    where: { documentId: corpus[docId]!.id },
    orderBy: { ordinal: "asc" },
  });
  const passage = passages.find((p) => p.text.includes(words));
  if (!passage) throw new Error(`${docId} has no passage with “${words}”`);
  const start = passage.text.indexOf(words);
  return { passageId: passage.id, start, end: start + words.length, passage };
}

async function seedQuoteClaim() {
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

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a refusal");
};

describe("evidence and quote checks", () => {
  it("links the seed quote to India TV (minor differences) and WION (altered), and shows the competing wordings", async () => {
    const { editor, id } = await seedQuoteClaim();
    const india = await passageWith("indiatv-2025-12-26", "I am concerned about Pakistan");
    const wion = await passageWith("wion-2025-12-25", "does not criticize it");
    const a = await linkEvidence({
      actor: editor,
      claimId: id,
      input: { passageId: india.passageId, relation: "supports" },
    });
    expect(a.evidence.quoteCheck?.result).toBe("minor_differences");
    expect(a.evidence.quoteCheck?.notes.join(" ")).toMatch(/narration/);
    expect(a.evidence.document).toMatchObject({ primary: false });
    const b = await linkEvidence({
      actor: editor,
      claimId: id,
      input: { passageId: wion.passageId, relation: "contradicts" },
    });
    expect(b.evidence.quoteCheck?.result).toBe("altered");
    expect(
      b.evidence.quoteCheck?.differences.some((d) => d.reason === "words" && /criticism/.test(d.article ?? "")),
    ).toBe(true);
    expect(b.claim.quoteCheck).toBe("minor_differences");

    const dossier = await getClaimDossier({ actor: editor, claimId: id });
    expect(dossier.evidence).toHaveLength(2);
    expect(await listEvidence({ actor: editor, claimId: id })).toEqual(dossier.evidence);
    expect(await listReviews({ actor: editor, claimId: id })).toEqual([]);
    expect((await rejection(listEvidence({ actor: null, claimId: id }))).code).toBe("forbidden");
    expect(dossier.competingWordings.disagree).toBe(true);
    expect(dossier.competingWordings.wordings.length).toBeGreaterThanOrEqual(2);
    expect(dossier.competingWordings.accurateBlockedReason).toMatch(/primary source/);
    expect(dossier.sentence.before).toContain("the Russian President adds");

    // "Accurate" is refused while only disagreeing secondary sources back it; another verdict is not.
    const refused = await rejection(
      updateClaim({ actor: editor, claimId: id, input: { version: b.claim.version, verdictKey: "accurate" } }),
    );
    expect(refused.code).toBe("invalid_input");
    expect(refused.message).toMatch(/primary source/);
    const noRationale = await rejection(
      updateClaim({ actor: editor, claimId: id, input: { version: b.claim.version, verdictKey: "unsupported" } }),
    );
    expect(noRationale.message).toMatch(/rationale/);
  });

  it("cites exact words inside a passage by passage offsets and stores document offsets", async () => {
    const { editor, id } = await seedQuoteClaim();
    const india = await passageWith("indiatv-2025-12-26", "It is no democracy, yet the West makes no criticism of it.");
    const { evidence } = await linkEvidence({
      actor: editor,
      claimId: id,
      input: {
        passageId: india.passageId,
        start: india.start,
        end: india.end,
        relation: "supports",
        note: "Same words.",
      },
    });
    expect(evidence.exact).toBe("It is no democracy, yet the West makes no criticism of it.");
    expect(evidence.start).toBe(india.passage.start + india.start);
    expect(evidence.passageStart).toBe(india.start);
    const document = await prisma.sourceDocument.findUniqueOrThrow({ where: { id: corpus["indiatv-2025-12-26"]!.id } });
    expect(document.text.slice(evidence.start, evidence.end)).toBe(evidence.exact);
    const duplicate = await rejection(
      linkEvidence({
        actor: editor,
        claimId: id,
        input: { passageId: india.passageId, start: india.start, end: india.end, relation: "supports" },
      }),
    );
    expect(duplicate.code).toBe("conflict");
    const outside = await rejection(
      linkEvidence({
        actor: editor,
        claimId: id,
        input: { passageId: india.passageId, start: 0, end: 10_000_000, relation: "supports" },
      }),
    );
    expect(outside.code).toBe("invalid_input");
  });

  it("a reviewer and a signed-out visitor cannot link evidence or set verdicts", async () => {
    const { reviewer, id, claim } = await seedQuoteClaim();
    const india = await passageWith("indiatv-2025-12-26", "I am concerned about Pakistan");
    expect(
      (
        await rejection(
          linkEvidence({ actor: reviewer, claimId: id, input: { passageId: india.passageId, relation: "supports" } }),
        )
      ).code,
    ).toBe("forbidden");
    expect(
      (
        await rejection(
          linkEvidence({ actor: null, claimId: id, input: { passageId: india.passageId, relation: "supports" } }),
        )
      ).code,
    ).toBe("forbidden");
    expect(
      (
        await rejection(
          updateClaim({
            actor: reviewer,
            claimId: id,
            input: { version: claim.version, verdictKey: "false", rationale: "x" },
          }),
        )
      ).code,
    ).toBe("forbidden");
    expect(await prisma.evidence.count({ where: { claimId: id } })).toBe(0);
  });

  it("changes the relation and note of evidence; a change made on what someone else already changed is refused, not overwritten", async () => {
    const { editor, reviewer, id } = await seedQuoteClaim();
    const other = await buildUser({ role: "editor" });
    const wion = await passageWith("wion-2025-12-25", "does not criticize it");
    const linked = await linkEvidence({
      actor: editor,
      claimId: id,
      input: { passageId: wion.passageId, relation: "supports" },
    });
    const seen = { relation: "supports" as const, note: "" };
    const first = await updateEvidence({
      actor: other,
      evidenceId: linked.evidence.id,
      input: { relation: "contradicts", note: "WION rewords the quote.", was: seen },
    });
    expect(first.evidence).toMatchObject({ relation: "contradicts", note: "WION rewords the quote." });
    expect(first.claim.version).toBeGreaterThan(linked.claim.version);

    const stale = await rejection(
      updateEvidence({ actor: editor, evidenceId: linked.evidence.id, input: { relation: "context", was: seen } }),
    );
    expect(stale.code).toBe("conflict");
    expect(stale.message).toMatch(/now “contradicts” with the note “WION rewords the quote.”/);
    expect(
      (
        await rejection(
          updateEvidence({ actor: reviewer, evidenceId: linked.evidence.id, input: { note: "reviewer note" } }),
        )
      ).code,
    ).toBe("forbidden");
    expect(
      await rejection(updateEvidence({ actor: editor, evidenceId: linked.evidence.id, input: {} })),
    ).toBeInstanceOf(ZodError);
    const row = await prisma.evidence.findUniqueOrThrow({ where: { id: linked.evidence.id } });
    expect(row).toMatchObject({ relation: "contradicts", note: "WION rewords the quote." });
    expect(await prisma.auditEvent.count({ where: { entityId: linked.evidence.id, action: "evidence.update" } })).toBe(
      1,
    );
  });
});

describe("submit, review and the approval freeze", () => {
  async function submitted() {
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

  it("the editor cannot approve their own claim; request changes needs a comment; a reviewer approves", async () => {
    const { editor, reviewer, id, claim } = await submitted();
    const admin = await buildUser({ role: "admin" });
    expect(
      (
        await rejection(
          reviewClaim({ actor: editor, claimId: id, input: { version: claim.version, decision: "approve" } }),
        )
      ).code,
    ).toBe("forbidden");
    const noComment = await rejection(
      reviewClaim({
        actor: reviewer,
        claimId: id,
        input: { version: claim.version, decision: "request_changes", comment: "  " },
      }),
    );
    expect(noComment.code).toBe("invalid_input");
    expect(noComment.message).toMatch(/comment is required/);
    const queue = await listReviewQueue({ actor: reviewer, filter: { editorId: editor.id } });
    expect(queue.map((q) => q.claim.id)).toContain(id);
    const { claim: approved } = await reviewClaim({
      actor: reviewer,
      claimId: id,
      input: { version: claim.version, decision: "approve" },
    });
    expect(approved).toMatchObject({ state: "approved", approvedBy: { id: reviewer.id } });
    expect(
      (
        await rejection(
          reviewClaim({ actor: admin, claimId: id, input: { version: approved.version, decision: "approve" } }),
        )
      ).code,
    ).toBe("conflict");
    expect(await prisma.auditEvent.count({ where: { entityId: id, action: "claim.review.approve" } })).toBe(1);
  });

  it("an admin who linked the evidence cannot approve it", async () => {
    const { id, claim } = await submitted();
    const admin = await buildUser({ role: "admin" });
    const wion = await passageWith("wion-2025-12-25", "does not criticize it");
    await prisma.evidence.create({
      data: {
        claimId: id,
        passageId: wion.passageId,
        relation: "context",
        exact: "x",
        start: wion.passage.start,
        end: wion.passage.start + 1,
        createdById: admin.id,
      },
    });
    const refused = await rejection(
      reviewClaim({ actor: admin, claimId: id, input: { version: claim.version, decision: "approve" } }),
    );
    expect(refused.message).toMatch(/linked evidence/);
  });

  it("editing the quote after approval makes the claim stale and puts it back in the queue; 'still holds' resubmits", async () => {
    const { editor, reviewer, id, claim, article, body, articleVersion } = await submitted();
    await reviewClaim({ actor: reviewer, claimId: id, input: { version: claim.version, decision: "approve" } });
    const edited = replaceText(body, "makes no criticism of it", "does not criticize it");
    const saved = await updateArticle({
      actor: editor,
      articleId: article.id,
      input: { version: articleVersion, body: edited },
    });
    const stale = saved.claims.find((c) => c.id === id)!;
    expect(stale.state).toBe("stale");
    expect(stale.staleDetail).toMatchObject({ previousExact: PUTIN_QUOTE, stateBefore: "approved" });
    const queue = await listReviewQueue({ actor: reviewer, filter: { articleId: article.id } });
    expect(queue.find((q) => q.claim.id === id)?.claim.state).toBe("stale");
    expect(
      (
        await rejection(
          reviewClaim({ actor: reviewer, claimId: id, input: { version: stale.version, decision: "approve" } }),
        )
      ).code,
    ).toBe("conflict");
    const confirmed = await submitClaim({
      actor: editor,
      claimId: id,
      input: { version: stale.version },
      mode: "confirm",
    });
    expect(confirmed).toMatchObject({ state: "in_review", staleDetail: null });
  });

  it("removing evidence from an approved claim makes it stale, saying which", async () => {
    const { editor, reviewer, id, claim } = await submitted();
    await reviewClaim({ actor: reviewer, claimId: id, input: { version: claim.version, decision: "approve" } });
    const [evidence] = await prisma.evidence.findMany({ where: { claimId: id } });
    const { claim: after } = await removeEvidence({ actor: editor, evidenceId: evidence!.id });
    expect(after.state).toBe("stale");
    expect(after.staleDetail?.changes?.join(" ")).toMatch(/Evidence removed: .*Junta with nuclear weapons/);
  });

  it("a passage merge keeps an approved claim approved (same cited words); a new speaker makes it stale", async () => {
    const { editor, reviewer, id, claim, india } = await submitted();
    await reviewClaim({ actor: reviewer, claimId: id, input: { version: claim.version, decision: "approve" } });
    const passage = india.passage;
    const before = await prisma.evidence.findFirstOrThrow({ where: { claimId: id } });
    await mergePassages({ actor: editor, input: { passageId: passage.id } });
    const after = await prisma.evidence.findFirstOrThrow({ where: { claimId: id } });
    expect(after).toMatchObject({ exact: before.exact, start: before.start, end: before.end });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id } })).state).toBe("approved");
    await setPassageSpeaker({ actor: editor, input: { passageId: passage.id, speaker: "George W. Bush" } });
    const stale = await prisma.claim.findUniqueOrThrow({ where: { id } });
    expect(stale.state).toBe("stale");
    expect(JSON.stringify(stale.staleDetail)).toMatch(/speaker of the cited passage/);
    const evidence = await prisma.evidence.findFirstOrThrow({ where: { claimId: id } });
    expect(JSON.stringify(evidence.quoteCheckDetail)).toMatch(
      /Vladimir Putin.*the source passage is spoken by George W. Bush/,
    );
  });

  it("a verdict saved while a body save re-anchors the claim is never silently lost", async () => {
    const { editor, id, body, article, articleVersion, claim } = await seedQuoteClaim();
    const other = await buildUser({ role: "editor" });
    const moved = replaceText(body, "However, the Russian", "However, as reported, the Russian");
    const results = await Promise.allSettled([
      updateArticle({ actor: editor, articleId: article.id, input: { version: articleVersion, body: moved } }),
      updateClaim({
        actor: other,
        claimId: id,
        input: { version: claim.version, verdictKey: "false", rationale: "WION differs." },
      }),
    ]);
    const row = await prisma.claim.findUniqueOrThrow({ where: { id } });
    const verdictSaved = results[1].status === "fulfilled";
    // Either the verdict landed and is still there, or it was refused as a conflict: never lost.
    if (verdictSaved) expect(row.verdictKey).toBe("false");
    else expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    expect(results[0].status).toBe("fulfilled");
    expect(row.start).toBeGreaterThan(claim.start);
  });
});

describe("comments", () => {
  it("records mentions and lists them for the person mentioned", async () => {
    const { editor, reviewer, id } = await seedQuoteClaim();
    const comment = await addComment({
      actor: editor,
      claimId: id,
      input: { body: `@${reviewer.name} can you check the WION wording?` },
    });
    expect(comment.mentions).toEqual([{ id: reviewer.id, name: reviewer.name }]);
    const mentions = await listMentions({ actor: reviewer });
    expect(mentions[0]).toMatchObject({ id: comment.id, claim: { id } });
    expect((await rejection(addComment({ actor: null, claimId: id, input: { body: "hi" } }))).code).toBe("forbidden");
  });
});
