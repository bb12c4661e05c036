import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { updateArticle } from "@/lib/services/articles/update-article";
import { submitClaim } from "@/lib/services/claims/submit-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { removeEvidence } from "@/lib/services/evidence/change-evidence";
import { linkEvidence } from "@/lib/services/evidence/link-evidence";
import { listReviewQueue } from "@/lib/services/reviews/list-review-queue";
import { reviewClaim } from "@/lib/services/reviews/review-claim";
import { setPassageSpeaker } from "@/lib/services/sources/set-passage-speaker";
import { mergePassages } from "@/lib/services/sources/merge-passages";
import { buildUser } from "@/test/support/factories";
import { PUTIN_QUOTE, replaceText } from "@/test/support/article-bodies";
import {
  corpusPassageFinder,
  rejection,
  seedQuoteClaim,
  submittedQuoteClaim,
} from "@/test/support/quote-claim-fixtures";

const passageWith = corpusPassageFinder();

describe("submit, review and the approval freeze", () => {
  it("the editor cannot approve their own claim; request changes needs a comment; a reviewer approves", async () => {
    const { editor, reviewer, id, claim } = await submittedQuoteClaim(passageWith);
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
    const { id, claim } = await submittedQuoteClaim(passageWith);
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

  it("an admin who chose the verdict cannot approve it after an editor rewords the rationale; another reviewer can", async () => {
    const { editor, reviewer, id } = await seedQuoteClaim();
    const admin = await buildUser({ role: "admin" });
    const india = await passageWith("indiatv-2025-12-26", "I am concerned about Pakistan");
    const linked = await linkEvidence({
      actor: editor,
      claimId: id,
      input: { passageId: india.passageId, relation: "supports" },
    });
    const chosen = await updateClaim({
      actor: admin,
      claimId: id,
      input: { version: linked.claim.version, verdictKey: "unsupported", rationale: "No source found." },
    });
    const reworded = await updateClaim({
      actor: editor,
      claimId: id,
      input: { version: chosen.version, rationale: "No source found!" },
    });
    expect(reworded.verdictById).toBe(editor.id); // the last judge is the editor...
    const inReview = await submitClaim({ actor: editor, claimId: id, input: { version: reworded.version } });
    const refused = await rejection(
      reviewClaim({ actor: admin, claimId: id, input: { version: inReview.version, decision: "approve" } }),
    );
    expect(refused.code).toBe("forbidden"); // ...but the verdict is the admin's choice
    expect(refused.message).toMatch(/You set this verdict, wrote its rationale or changed its evidence/);
    const approved = await reviewClaim({
      actor: reviewer,
      claimId: id,
      input: { version: inReview.version, decision: "approve" },
    });
    expect(approved.claim.state).toBe("approved");
    const row = await prisma.claim.findUniqueOrThrow({ where: { id }, select: { judgedByIds: true } });
    expect(row.judgedByIds).toEqual([]); // settled: the next round starts a new list
  });

  it("editing the quote after approval makes the claim stale and puts it back in the queue; 'still holds' resubmits", async () => {
    const { editor, reviewer, id, claim, article, body, articleVersion } = await submittedQuoteClaim(passageWith);
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
    const { editor, reviewer, id, claim } = await submittedQuoteClaim(passageWith);
    await reviewClaim({ actor: reviewer, claimId: id, input: { version: claim.version, decision: "approve" } });
    const [evidence] = await prisma.evidence.findMany({ where: { claimId: id } });
    const { claim: after } = await removeEvidence({ actor: editor, evidenceId: evidence!.id });
    expect(after.state).toBe("stale");
    expect(after.staleDetail?.changes?.join(" ")).toMatch(/Evidence removed: .*Junta with nuclear weapons/);
  });

  it("a passage merge keeps an approved claim approved (same cited words); a new speaker makes it stale", async () => {
    const { editor, reviewer, id, claim, india } = await submittedQuoteClaim(passageWith);
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
