import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policies";
import { parseArticleHeader } from "@/lib/text/segmentation/paragraphs";
import { createClaim } from "@/lib/services/claims/create-claim";
import { auditQuotes, type QuoteAuditProgress } from "@/lib/services/quote-audit/audit-quotes";
import { buildArticle, buildUser } from "@/test/support/factories";
import { importCorpus } from "@/test/support/source-factories";

const file = readFileSync(new URL("../../../prisma/demo/corpus/seed-article.txt", import.meta.url), "utf8");
const DEMO_PARAGRAPHS = parseArticleHeader(file).body.split(/\n\s*\n/);

let editor: Actor;
beforeAll(async () => {
  editor = await buildUser({ role: "editor" });
  await importCorpus(editor);
});

describe("auditQuotes on the demo article", () => {
  it("proposes its five quotations with their speakers, and checks each against the library", async () => {
    const article = await buildArticle({ createdBy: editor, paragraphs: DEMO_PARAGRAPHS });
    const events: QuoteAuditProgress[] = [];
    const audit = await auditQuotes({ actor: editor, articleId: article.id, onProgress: (e) => events.push(e) });
    expect(audit.version).toBe(article.version);
    expect(audit.proposals.map((p) => [p.exact, p.speaker])).toEqual([
      ["We (the US) have a complex history with Iran", "George W Bush"],
      [
        "I am concerned about Pakistan. It is just a junta with nuclear weapons. It is no democracy, yet the West makes no criticism of it.",
        "Vladimir Putin",
      ],
      ["part of the West and not an enemy", "George W Bush"],
      ["nervous", "George W Bush"],
      ["Think about us", "Vladimir Putin"],
    ]);
    for (const p of audit.proposals) expect(article.bodyText.slice(p.start, p.end)).toBe(p.exact);
    expect(events[0]).toEqual({ type: "start", total: 5 });
    expect(events.filter((e) => e.type === "quotation").map((e) => (e.type === "quotation" ? e.done : 0))).toEqual([
      1, 2, 3, 4, 5,
    ]);

    const putin = audit.proposals[1]!;
    expect(putin.best).not.toBeNull();
    expect(putin.best!.result).toBe("minor_differences");
    // The best passage's span holds the words the check matched.
    expect(putin.best!.spanText).toContain("junta with nuclear weapons");
    // Its word-by-word alignment covers the quote and names the narration inside the source's quotation.
    const alignment = putin.best!.alignment;
    expect(
      alignment
        .map((step) => step.article ?? "")
        .join(" ")
        .replace(/\s+/g, " "),
    ).toContain("junta with nuclear weapons");
    expect(alignment.some((step) => step.op !== "equal" && step.reason === "narration")).toBe(true);
    expect(alignment.some((step) => step.reason === "words")).toBe(false);
  });

  it("lists a quotation already marked as a quote claim as covered, without searching for it", async () => {
    const article = await buildArticle({ createdBy: editor, paragraphs: DEMO_PARAGRAPHS });
    const start = article.bodyText.indexOf("Think about us");
    const created = await createClaim({
      actor: editor,
      articleId: article.id,
      input: {
        version: article.version,
        claim: { kind: "quote", speaker: "Putin" },
        start,
        end: start + "Think about us".length,
      },
    });
    const audit = await auditQuotes({ actor: editor, articleId: article.id });
    const think = audit.proposals.find((p) => p.exact === "Think about us")!;
    expect(think.coveredByClaimId).toBe(created.claim.id);
    expect(think.best).toBeNull();
    expect(audit.version).toBe(created.version);
  });

  it("checks an article whose speakers have hyphenated names", async () => {
    const article = await buildArticle({
      createdBy: editor,
      paragraphs: [
        "French Prime Minister Jean-Pierre Raffarin met Putin in Moscow.",
        "Raffarin said, “Pakistan is a matter for the Indo-Pacific powers.” Officials of Pakistani-origin firms denied it.",
      ],
    });
    const audit = await auditQuotes({ actor: editor, articleId: article.id });
    expect(audit.proposals.map((p) => [p.exact, p.speaker])).toEqual([
      ["Pakistan is a matter for the Indo-Pacific powers.", "Jean-Pierre Raffarin"],
    ]);
  });

  it("finds nothing to propose in an article without quotation marks", async () => {
    const article = await buildArticle({
      createdBy: editor,
      paragraphs: ["No quotations here: Pakistan’s leaders’ talks, don’t."],
    });
    expect((await auditQuotes({ actor: editor, articleId: article.id })).proposals).toEqual([]);
  });

  it("is refused to a reviewer and to a signed-out caller, and says not found for an unknown article", async () => {
    const reviewer = await buildUser({ role: "reviewer" });
    const article = await buildArticle({ createdBy: editor });
    await expect(auditQuotes({ actor: reviewer, articleId: article.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(auditQuotes({ actor: null, articleId: article.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(auditQuotes({ actor: editor, articleId: "does-not-exist" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
