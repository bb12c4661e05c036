// An approval freezes evidence notes (readers see them): a changed note is reviewed again, by
// someone other than who wrote it; approvals frozen before notes were take theirs by migration.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { submitClaim } from "@/lib/services/claims/submit-claim";
import { updateEvidence } from "@/lib/services/evidence/change-evidence";
import { reviewClaim } from "@/lib/services/reviews/review-claim";
import { buildUser } from "@/test/support/factories";
import { corpusPassageFinder, rejection, submittedQuoteClaim } from "@/test/support/quote-claim-fixtures";

const passageWith = corpusPassageFinder();

describe("evidence notes in the approval freeze", () => {
  it("a new note on approved evidence makes the claim stale, saying which: readers see the note", async () => {
    const { editor, reviewer, id, claim } = await submittedQuoteClaim(passageWith);
    await reviewClaim({ actor: reviewer, claimId: id, input: { version: claim.version, decision: "approve" } });
    const [evidence] = await prisma.evidence.findMany({ where: { claimId: id } });
    const { claim: after } = await updateEvidence({
      actor: editor,
      evidenceId: evidence!.id,
      input: { note: "Unreviewed words.", was: { relation: evidence!.relation, note: evidence!.note } },
    });
    expect(after.state).toBe("stale");
    expect(after.staleDetail?.changes).toEqual([expect.stringMatching(/^The note on .* changed: “Unreviewed words.”/)]);
  });

  it("whoever rewrites an approved claim's evidence note may not approve it after the editor confirms it", async () => {
    const { editor, reviewer, id, claim } = await submittedQuoteClaim(passageWith);
    await reviewClaim({ actor: reviewer, claimId: id, input: { version: claim.version, decision: "approve" } });
    const admin = await buildUser({ role: "admin" });
    const [evidence] = await prisma.evidence.findMany({ where: { claimId: id } });
    const { claim: stale } = await updateEvidence({
      actor: admin,
      evidenceId: evidence!.id,
      input: { note: "The admin's words.", was: { relation: evidence!.relation, note: evidence!.note } },
    });
    expect(stale.state).toBe("stale");
    const confirmed = await submitClaim({
      actor: editor,
      claimId: id,
      input: { version: stale.version },
      mode: "confirm",
    });
    const refused = await rejection(
      reviewClaim({ actor: admin, claimId: id, input: { version: confirmed.version, decision: "approve" } }),
    );
    expect(refused.message).toMatch(/changed its evidence/);
    const approved = await reviewClaim({
      actor: reviewer,
      claimId: id,
      input: { version: confirmed.version, decision: "approve" },
    });
    expect(approved.claim.state).toBe("approved");
  });

  it("an approval frozen before notes were frozen is not made stale by them", async () => {
    const { editor, reviewer, id, claim } = await submittedQuoteClaim(passageWith);
    await reviewClaim({ actor: reviewer, claimId: id, input: { version: claim.version, decision: "approve" } });
    const row = await prisma.claim.findUniqueOrThrow({ where: { id } });
    const frozen = row.approvedSnapshot as { evidence: { note?: string }[] };
    for (const e of frozen.evidence) delete e.note;
    await prisma.claim.update({ where: { id }, data: { approvedSnapshot: frozen } });
    const [evidence] = await prisma.evidence.findMany({ where: { claimId: id } });
    const { claim: after } = await updateEvidence({
      actor: editor,
      evidenceId: evidence!.id,
      input: { note: "A note.", was: { relation: evidence!.relation, note: evidence!.note } },
    });
    expect(after.state).toBe("approved");
  });

  it("the migration gives approvals frozen before notes were the note their evidence has", async () => {
    const { reviewer, id, claim } = await submittedQuoteClaim(passageWith);
    await reviewClaim({ actor: reviewer, claimId: id, input: { version: claim.version, decision: "approve" } });
    const [evidence] = await prisma.evidence.findMany({ where: { claimId: id } });
    await prisma.evidence.update({ where: { id: evidence!.id }, data: { note: "Said at the 2001 summit." } });
    const row = await prisma.claim.findUniqueOrThrow({ where: { id } });
    const frozen = row.approvedSnapshot as { evidence: { id: string; note?: string }[] };
    for (const e of frozen.evidence) delete e.note;
    const gone = { ...frozen.evidence[0]!, id: "evidence-deleted-since" };
    await prisma.claim.update({
      where: { id },
      data: { approvedSnapshot: { ...frozen, evidence: [...frozen.evidence, gone] } },
    });
    const sql = readFileSync(
      new URL(
        "../../../prisma/migrations/20261129061000_approved_snapshot_evidence_notes/migration.sql",
        import.meta.url,
      ),
      "utf8",
    );
    // Run as written, on this test's claim only: other files' approvals run beside this one.
    const own = sql.trimEnd().replace(/;$/, "") + ` AND c."id" = $1`;
    expect(own).toContain(`WHERE jsonb_typeof(c."approved_snapshot" -> 'evidence') = 'array' AND c."id" = $1`);
    await prisma.$executeRawUnsafe(own, id);
    const after = (await prisma.claim.findUniqueOrThrow({ where: { id } })).approvedSnapshot as typeof frozen;
    expect(after.evidence.map((e) => [e.id, e.note])).toEqual([
      [evidence!.id, "Said at the 2001 summit."],
      ["evidence-deleted-since", undefined],
    ]);
  });
});
