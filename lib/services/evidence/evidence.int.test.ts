import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { prisma } from "@/lib/db";
import { getClaimDossier } from "@/lib/services/claims/get-claim-dossier";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { updateEvidence } from "@/lib/services/evidence/change-evidence";
import { linkEvidence } from "@/lib/services/evidence/link-evidence";
import { listEvidence } from "@/lib/services/evidence/list-evidence";
import { listReviews } from "@/lib/services/reviews/list-reviews";
import { buildUser } from "@/test/support/factories";
import { rejection, seedQuoteClaim, corpusPassageFinder } from "@/test/support/quote-claim-fixtures";

const passageWith = corpusPassageFinder();

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
    const document = await prisma.sourceDocument.findUniqueOrThrow({ where: { id: india.passage.documentId } });
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
          updateEvidence({
            actor: reviewer,
            evidenceId: linked.evidence.id,
            input: { note: "reviewer note", was: { relation: "contradicts", note: "WION rewords the quote." } },
          }),
        )
      ).code,
    ).toBe("forbidden");
    expect(
      await rejection(updateEvidence({ actor: editor, evidenceId: linked.evidence.id, input: {} as never })),
    ).toBeInstanceOf(ZodError);
    // Without what it saw, a change could overwrite one made meanwhile: refused, saying so.
    const blind = await rejection(
      updateEvidence({ actor: editor, evidenceId: linked.evidence.id, input: { note: "blind" } as never }),
    );
    expect(blind).toBeInstanceOf(ZodError);
    expect((blind as unknown as ZodError).issues[0]!.message).toMatch(/^Send `was`/);
    const row = await prisma.evidence.findUniqueOrThrow({ where: { id: linked.evidence.id } });
    expect(row).toMatchObject({ relation: "contradicts", note: "WION rewords the quote." });
    expect(await prisma.auditEvent.count({ where: { entityId: linked.evidence.id, action: "evidence.update" } })).toBe(
      1,
    );
  });
});
