// An approval freezes evidence notes (readers see them): a changed note is reviewed again, by
// someone other than who wrote it; approvals frozen before notes were take theirs by migration.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policies";
import { prisma } from "@/lib/db";
import type { EvidenceRelation } from "@/lib/generated/prisma/client";
import { submitClaim } from "@/lib/services/claims/submit-claim";
import { updateEvidence } from "@/lib/services/evidence/change-evidence";
import { reviewClaim } from "@/lib/services/reviews/review-claim";
import { buildUser } from "@/test/support/factories";
import { corpusPassageFinder, rejection, submittedQuoteClaim } from "@/test/support/quote-claim-fixtures";

const passageWith = corpusPassageFinder();

/** The seed quote claim approved by the reviewer, with its one piece of evidence. */
async function approvedQuoteClaim() {
  const setup = await submittedQuoteClaim(passageWith);
  const { reviewer, id, claim } = setup;
  await reviewClaim({ actor: reviewer, claimId: id, input: { version: claim.version, decision: "approve" } });
  const [evidence] = await prisma.evidence.findMany({ where: { claimId: id } });
  return { ...setup, evidence: evidence! };
}

/** Changes the evidence's note, sending what it was. */
const renote = (actor: Actor, evidence: { id: string; relation: EvidenceRelation; note: string }, note: string) =>
  updateEvidence({
    actor,
    evidenceId: evidence.id,
    input: { note, was: { relation: evidence.relation, note: evidence.note } },
  });

describe("evidence notes in the approval freeze", () => {
  it("a new note on approved evidence makes the claim stale, saying which: readers see the note", async () => {
    const { editor, evidence } = await approvedQuoteClaim();
    const { claim: after } = await renote(editor, evidence, "Unreviewed words.");
    expect(after.state).toBe("stale");
    expect(after.staleDetail?.changes).toEqual([expect.stringMatching(/^The note on .* changed: “Unreviewed words.”/)]);
  });

  it("whoever rewrites an approved claim's evidence note may not approve it after the editor confirms it", async () => {
    const { editor, reviewer, id, evidence } = await approvedQuoteClaim();
    const admin = await buildUser({ role: "admin" });
    const { claim: stale } = await renote(admin, evidence, "The admin's words.");
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
    const { editor, id, evidence } = await approvedQuoteClaim();
    const row = await prisma.claim.findUniqueOrThrow({ where: { id } });
    const frozen = row.approvedSnapshot as { evidence: { note?: string }[] };
    for (const e of frozen.evidence) delete e.note;
    await prisma.claim.update({ where: { id }, data: { approvedSnapshot: frozen } });
    const { claim: after } = await renote(editor, evidence, "A note.");
    expect(after.state).toBe("approved");
  });

  it("the migration gives approvals frozen before notes were the note their evidence has", async () => {
    const { id, evidence } = await approvedQuoteClaim();
    await prisma.evidence.update({ where: { id: evidence.id }, data: { note: "Said at the 2001 summit." } });
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
      [evidence.id, "Said at the 2001 summit."],
      ["evidence-deleted-since", undefined],
    ]);
  });
});
