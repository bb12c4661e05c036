import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/policies";
import { acceptQuoteProposals } from "@/lib/services/quote-audit/accept-quote-proposals";
import { auditQuotes } from "@/lib/services/quote-audit/audit-quotes";
import { buildArticle, buildUser } from "@/test/support/factories";
import { PUTIN_QUOTE, SEED_PARAGRAPHS } from "@/test/support/article-bodies";
import { importCorpus } from "@/test/support/source-factories";

let editor: Actor;
beforeAll(async () => {
  editor = await buildUser({ role: "editor" });
  await importCorpus(editor);
});

describe("acceptQuoteProposals", () => {
  it("creates the accepted quote claims, their marks and their evidence in one step, with audit events", async () => {
    const article = await buildArticle({ createdBy: editor, paragraphs: SEED_PARAGRAPHS });
    const audit = await auditQuotes({ actor: editor, articleId: article.id });
    const [bush, putin] = audit.proposals;
    expect(putin!.exact).toBe(PUTIN_QUOTE);
    const best = putin!.best!;
    const accepted = await acceptQuoteProposals({
      actor: editor,
      articleId: article.id,
      input: {
        version: audit.version,
        proposals: [
          { start: bush!.start, end: bush!.end, speaker: "George W Bush" },
          {
            start: putin!.start,
            end: putin!.end,
            speaker: putin!.speaker,
            evidence: { passageId: best.passageId, start: best.spanStart!, end: best.spanEnd!, relation: "supports" },
          },
        ],
      },
    });
    expect(accepted.version).toBe(audit.version + 1);
    expect(accepted.claims.map((c) => [c.exact, c.speaker, c.kind])).toEqual([
      ["We (the US) have a complex history with Iran", "George W Bush", "quote"],
      // These three paragraphs never name the Russian President, so the title stays.
      [PUTIN_QUOTE, "the Russian President", "quote"],
    ]);
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    for (const claim of accepted.claims) expect(JSON.stringify(stored.body)).toContain(claim.id);
    const evidence = await prisma.evidence.findMany({ where: { claimId: { in: accepted.claims.map((c) => c.id) } } });
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({
      claimId: accepted.claims[1]!.id,
      passageId: best.passageId,
      relation: "supports",
      quoteCheck: "minor_differences",
    });
    expect(evidence[0]!.exact).toBe(best.spanText);
    // The claim keeps its evidence's quote check, as when evidence is linked by hand.
    expect(accepted.claims[1]!.quoteCheck).toBe("minor_differences");
    expect(
      await prisma.auditEvent.count({ where: { entityId: article.id, action: "article.quote-audit.accept" } }),
    ).toBe(1);
    expect(
      await prisma.auditEvent.count({
        where: { entityId: { in: accepted.claims.map((c) => c.id) }, action: "claim.create" },
      }),
    ).toBe(2);

    // Audited again, both are now covered.
    const again = await auditQuotes({ actor: editor, articleId: article.id });
    expect(again.proposals.map((p) => p.coveredByClaimId)).toEqual(accepted.claims.map((c) => c.id));
  });

  it("refuses an audit of an older version as a conflict, and saves nothing", async () => {
    const article = await buildArticle({ createdBy: editor, paragraphs: SEED_PARAGRAPHS });
    const audit = await auditQuotes({ actor: editor, articleId: article.id });
    const p = audit.proposals[0]!;
    await acceptQuoteProposals({
      actor: editor,
      articleId: article.id,
      input: { version: audit.version, proposals: [{ start: p.start, end: p.end, speaker: null }] },
    });
    await expect(
      acceptQuoteProposals({
        actor: editor,
        articleId: article.id,
        input: { version: audit.version, proposals: [{ start: p.start, end: p.end }] },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await prisma.claim.count({ where: { articleId: article.id } })).toBe(1);
  });

  it("refuses a proposal whose offsets fall inside an emoji, and saves nothing", async () => {
    const article = await buildArticle({ createdBy: editor, paragraphs: ["He said: “😀 we agree.”"] });
    const start = article.bodyText.indexOf("😀") + 1;
    await expect(
      acceptQuoteProposals({
        actor: editor,
        articleId: article.id,
        input: { version: article.version, proposals: [{ start, end: start + 5 }] },
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/^Proposal 1: start and end must not fall inside a character/),
    });
    expect(await prisma.claim.count({ where: { articleId: article.id } })).toBe(0);
  });

  it("rolls everything back when one evidence link fails", async () => {
    const article = await buildArticle({ createdBy: editor, paragraphs: SEED_PARAGRAPHS });
    const audit = await auditQuotes({ actor: editor, articleId: article.id });
    const [bush, putin] = audit.proposals;
    const attempt = acceptQuoteProposals({
      actor: editor,
      articleId: article.id,
      input: {
        version: audit.version,
        proposals: [
          { start: bush!.start, end: bush!.end },
          { start: putin!.start, end: putin!.end, evidence: { passageId: "no-such-passage", relation: "supports" } },
        ],
      },
    });
    await expect(attempt).rejects.toMatchObject({ code: "not_found" });
    expect(await prisma.claim.count({ where: { articleId: article.id } })).toBe(0);
    expect((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).version).toBe(audit.version);
  });

  it("refuses a reviewer, offsets past the text, and a range with no words", async () => {
    const reviewer = await buildUser({ role: "reviewer" });
    const article = await buildArticle({ createdBy: editor, paragraphs: SEED_PARAGRAPHS });
    const input = (start: number, end: number) => ({ version: article.version, proposals: [{ start, end }] });
    await expect(
      acceptQuoteProposals({ actor: reviewer, articleId: article.id, input: input(0, 5) }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      acceptQuoteProposals({ actor: editor, articleId: article.id, input: input(0, 100_000) }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    const space = article.bodyText.indexOf(", “");
    await expect(
      acceptQuoteProposals({ actor: editor, articleId: article.id, input: input(space, space + 3) }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });
});
