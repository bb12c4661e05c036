// A save answers with every claim as it now stands, built from the rows the save already read
// (issue 10: not a second read of every claim). It must be exactly what a fresh read gives.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { updateArticle } from "@/lib/services/articles/update-article";
import { createClaim } from "@/lib/services/claims/create-claim";
import { listClaims } from "@/lib/services/claims/list-claims";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { buildArticle, buildUser } from "@/test/support/factories";
import { PUTIN_QUOTE, replaceText, SEED_PARAGRAPHS } from "@/test/support/article-bodies";
import { prisma } from "@/lib/db";

describe("the claims a save answers with", () => {
  it("are the claims as stored: moved, orphaned, stale, re-anchored and untouched ones alike", async () => {
    const editor = await buildUser({ role: "editor" });
    const article = await buildArticle({ createdBy: editor, paragraphs: SEED_PARAGRAPHS });
    let version = 1;
    const mark = async (words: string, kind: "quote" | "other" = "other") => {
      const start = (await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).bodyText.indexOf(words);
      const created = await createClaim({
        actor: editor,
        articleId: article.id,
        input: { version, claim: { id: randomUUID(), kind }, start, end: start + words.length, exact: words },
      });
      version = created.version;
      return created.claim;
    };
    const early = await mark("complex history");
    const judged = await mark(PUTIN_QUOTE, "quote");
    const doomed = await mark("did not dispute");
    await updateClaim({
      actor: editor,
      claimId: judged.id,
      input: { version: judged.version, verdictKey: "accurate", rationale: "Matches India TV." },
    });
    const body = (await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).body as Record<
      string,
      unknown
    >;

    // One save: text inserted before every claim (all move), the judged quote's words changed
    // (stale), the last claim's words deleted (orphaned).
    let edited = replaceText(body, "According to", "According, it seems, to");
    edited = replaceText(edited, "makes no criticism of it", "does not criticize it");
    edited = replaceText(edited, "did not dispute", "");
    const saved = await updateArticle({ actor: editor, articleId: article.id, input: { version, body: edited } });
    expect(saved.claims).toEqual(await listClaims({ actor: editor, articleId: article.id }));
    expect(saved.claims.map((c) => [c.id, c.state, c.anchorStatus])).toEqual([
      [early.id, "draft", "anchored"],
      [judged.id, "stale", "anchored"],
      [doomed.id, "draft", "orphaned"],
    ]);
    expect(saved.claims[0]!.start).toBe(early.start + ", it seems,".length);

    // Undo: the words come back, the orphan re-anchors and the stale claim is restored.
    const undone = await updateArticle({
      actor: editor,
      articleId: article.id,
      input: { version: saved.version, body },
    });
    expect(undone.claims).toEqual(await listClaims({ actor: editor, articleId: article.id }));
    expect(undone.claims.map((c) => [c.id, c.state, c.anchorStatus])).toEqual([
      [early.id, "draft", "anchored"],
      [judged.id, "draft", "anchored"],
      [doomed.id, "draft", "anchored"],
    ]);
  });
});
