import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { updateArticle } from "@/lib/services/articles/update-article";
import { buildArticle, buildUser } from "@/test/support/factories";
import { PUTIN_QUOTE, replaceText, SEED_PARAGRAPHS, withMark } from "@/test/support/article-bodies";
import { judgedClaim } from "@/test/support/claim-fixtures";

describe("editing around claims: each claim follows its words", () => {
  it("a word changed inside a judged claim makes it stale, saying what changed; undo restores it", async () => {
    const { editor, article, id, body, version } = await judgedClaim();
    const edited = replaceText(body, "makes no criticism of it", "does not criticize it");
    const saved = await updateArticle({ actor: editor, articleId: article.id, input: { version, body: edited } });
    const claim = saved.claims.find((c) => c.id === id)!;
    expect(claim.state).toBe("stale");
    expect(claim.staleDetail).toMatchObject({
      previousExact: PUTIN_QUOTE,
      currentExact: PUTIN_QUOTE.replace("makes no criticism of it", "does not criticize it"),
      stateBefore: "draft",
    });
    const undone = await updateArticle({
      actor: editor,
      articleId: article.id,
      input: { version: saved.version, body },
    });
    expect(undone.claims.find((c) => c.id === id)).toMatchObject({
      state: "draft",
      staleDetail: null,
      exact: PUTIN_QUOTE,
    });
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["claim.create", "claim.verdict", "claim.stale", "claim.restore"]);
  });

  it("deleting a claim's words orphans it (kept, with its words); putting them back re-anchors it", async () => {
    const { editor, article, id, body, version } = await judgedClaim();
    const deleted = replaceText(body, `However, the Russian President adds, “${PUTIN_QUOTE}”`, "");
    const saved = await updateArticle({ actor: editor, articleId: article.id, input: { version, body: deleted } });
    expect(saved.claims.find((c) => c.id === id)).toMatchObject({
      anchorStatus: "orphaned",
      exact: PUTIN_QUOTE,
      verdictKey: "accurate",
    });
    const back = await updateArticle({ actor: editor, articleId: article.id, input: { version: saved.version, body } });
    expect(back.claims.find((c) => c.id === id)).toMatchObject({ anchorStatus: "anchored", exact: PUTIN_QUOTE });
  });

  it("text typed before a claim moves it with its words and changes nothing else", async () => {
    const { editor, article, id, body, version } = await judgedClaim();
    const before = await prisma.claim.findUniqueOrThrow({ where: { id } });
    const edited = replaceText(body, "According to a transcript", "According to a newly released transcript");
    const saved = await updateArticle({ actor: editor, articleId: article.id, input: { version, body: edited } });
    const claim = saved.claims.find((c) => c.id === id)!;
    expect(claim.start).toBe(before.start + "newly released ".length);
    expect(claim).toMatchObject({ exact: PUTIN_QUOTE, state: "draft", anchorStatus: "anchored" });
  });

  it("many claims shifted by one edit are all moved (one batched statement), keeping their versions", async () => {
    const editor = await buildUser({ role: "editor" });
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} says claim number ${i} plainly.`);
    const article = await buildArticle({ createdBy: editor, paragraphs });
    let body = article.body as Record<string, unknown>;
    const ids = paragraphs.map(() => randomUUID());
    ids.forEach((id, i) => (body = withMark(body, id, `claim number ${i} plainly`)));
    await prisma.claim.createMany({
      data: ids.map((id, i) => ({
        id,
        articleId: article.id,
        kind: "other" as const,
        exact: `claim number ${i} plainly`,
        start: 0,
        end: 1,
        createdById: editor.id,
      })),
    });
    const first = await updateArticle({ actor: editor, articleId: article.id, input: { version: 1, body } });
    const placed = new Map(first.claims.map((c) => [c.id, c]));
    const edited = replaceText(body, "Paragraph 0 says", "Paragraph 0, written first, says");
    const saved = await updateArticle({
      actor: editor,
      articleId: article.id,
      input: { version: first.version, body: edited },
    });
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    for (const claim of saved.claims) {
      expect(stored.bodyText.slice(claim.start, claim.end)).toBe(claim.exact);
      expect(claim.start).toBe(placed.get(claim.id)!.start + ", written first,".length);
      expect(claim.version).toBe(placed.get(claim.id)!.version);
    }
    expect(saved.claims).toHaveLength(40);
  });

  it("re-anchoring by text never moves a claim onto an unmarked copy when its own words are deleted", async () => {
    const { editor, article, id, version } = await judgedClaim();
    const plain = (paragraphs: string[]) => ({
      type: "doc",
      content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
    });
    const [first, quoted, last] = SEED_PARAGRAPHS as [string, string, string];
    const pasted = await updateArticle({
      actor: editor,
      articleId: article.id,
      input: { version, body: plain([`${first} ${PUTIN_QUOTE}`, quoted, last]), reanchorByText: true },
    });
    const kept = pasted.claims.find((c) => c.id === id)!;
    expect(kept).toMatchObject({ anchorStatus: "anchored" });
    expect(kept.prefix).toContain("the Russian President adds");
    const deleted = await updateArticle({
      actor: editor,
      articleId: article.id,
      input: { version: pasted.version, body: plain([`${first} ${PUTIN_QUOTE}`, last]), reanchorByText: true },
    });
    expect(deleted.claims.find((c) => c.id === id)).toMatchObject({ anchorStatus: "orphaned" });
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(JSON.stringify(stored.body)).not.toContain(id);
  });

  it("a body sent without marks (a script) is re-anchored by text and the marks put back", async () => {
    const { editor, article, id, version } = await judgedClaim();
    const plain = {
      type: "doc",
      content: ["A new first paragraph.", ...SEED_PARAGRAPHS].map((text) => ({
        type: "paragraph",
        content: [{ type: "text", text }],
      })),
    };
    const saved = await updateArticle({
      actor: editor,
      articleId: article.id,
      input: { version, body: plain, reanchorByText: true },
    });
    expect(saved.claims.find((c) => c.id === id)).toMatchObject({ exact: PUTIN_QUOTE, anchorStatus: "anchored" });
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(JSON.stringify(stored.body)).toContain(id);
  });

  it("deleting every marked word orphans the claim even when the same words stand elsewhere", async () => {
    const { editor, article, id, body, version } = await judgedClaim();
    // A pull-quote repeats the words unmarked; then the marked sentence is deleted.
    const withPullQuote = replaceText(
      body,
      "Bush did not dispute Putin’s characterisation.",
      `Bush did not dispute Putin’s characterisation. Pull-quote: ${PUTIN_QUOTE}`,
    );
    const deleted = replaceText(withPullQuote, `However, the Russian President adds, “${PUTIN_QUOTE}”`, "");
    const saved = await updateArticle({ actor: editor, articleId: article.id, input: { version, body: deleted } });
    expect(saved.claims.find((c) => c.id === id)).toMatchObject({ anchorStatus: "orphaned", verdictKey: "accurate" });
  });
});
