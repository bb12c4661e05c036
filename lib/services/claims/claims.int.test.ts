import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { updateArticle } from "@/lib/services/articles/update-article";
import { createClaim } from "@/lib/services/claims/create-claim";
import { deleteClaim } from "@/lib/services/claims/delete-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { buildArticle, buildUser } from "@/test/support/factories";
import { PUTIN_QUOTE, replaceText, withMark } from "@/test/support/article-bodies";
import { judgedClaim, setup } from "@/test/support/claim-fixtures";

describe("marking claims", () => {
  it("marks a quote by offsets, without its quotation marks, with both selectors", async () => {
    const { editor, article } = await setup();
    const start = article.bodyText.indexOf(`“${PUTIN_QUOTE}”`);
    const created = await createClaim({
      actor: editor,
      articleId: article.id,
      input: {
        version: 1,
        claim: { kind: "quote", speaker: "Vladimir Putin" },
        start,
        end: start + PUTIN_QUOTE.length + 2,
      },
    });
    expect(created.claim).toMatchObject({
      exact: PUTIN_QUOTE,
      speaker: "Vladimir Putin",
      kind: "quote",
      state: "draft",
      anchorStatus: "anchored",
    });
    expect(created.claim.prefix).toBe("However, the Russian President adds, “".slice(-32));
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored.version).toBe(2);
    expect(JSON.stringify(stored.body)).toContain(created.claim.id);
    expect(await prisma.auditEvent.count({ where: { entityId: created.claim.id, action: "claim.create" } })).toBe(1);
  });

  it("marks a claim from the editor's body, and lets claims nest", async () => {
    const { editor, article } = await setup();
    const outer = randomUUID();
    const inner = randomUUID();
    let body = withMark(article.body, outer, PUTIN_QUOTE);
    const first = await createClaim({
      actor: editor,
      articleId: article.id,
      input: { version: 1, body, claim: { id: outer, kind: "quote" } },
    });
    body = withMark(body, inner, "a junta with nuclear weapons");
    const second = await createClaim({
      actor: editor,
      articleId: article.id,
      input: { version: first.version, body, claim: { id: inner, kind: "attribution" } },
    });
    expect(second.claims?.map((c) => c.exact)).toEqual([PUTIN_QUOTE, "a junta with nuclear weapons"]);
  });
});

describe("editing around claims", () => {
  it("re-judging a stale claim means it cannot come back approved by an undo", async () => {
    const { editor, article, id, body, version } = await judgedClaim();
    await prisma.claim.update({ where: { id }, data: { state: "approved" } });
    const edited = replaceText(body, "makes no criticism of it", "does not criticize it");
    const stale = await updateArticle({ actor: editor, articleId: article.id, input: { version, body: edited } });
    const claim = stale.claims.find((c) => c.id === id)!;
    expect(claim).toMatchObject({ state: "stale", staleDetail: { stateBefore: "approved" } });
    const rejudged = await updateClaim({
      actor: editor,
      claimId: id,
      input: { version: claim.version, verdictKey: "misleading", rationale: "WION's wording." },
    });
    expect(rejudged).toMatchObject({ state: "draft", staleDetail: null });
    // The new verdict judged the new words: an undo changes the words it judged, so it is stale
    // again (from draft), and never comes back approved.
    const undone = await updateArticle({
      actor: editor,
      articleId: article.id,
      input: { version: stale.version, body },
    });
    expect(undone.claims.find((c) => c.id === id)).toMatchObject({
      state: "stale",
      verdictKey: "misleading",
      staleDetail: { stateBefore: "draft" },
    });
  });

  it("fixing a speaker is not setting the verdict, but sends an approved claim back to review", async () => {
    const { editor, id } = await judgedClaim();
    const before = await prisma.claim.update({ where: { id }, data: { state: "approved" } });
    const other = await buildUser({ role: "editor" });
    const after = await updateClaim({
      actor: other,
      claimId: id,
      input: { version: before.version, speaker: "George W. Bush" },
    });
    expect(after).toMatchObject({ speaker: "George W. Bush", verdictById: editor.id, state: "draft" });
    expect(
      (await prisma.auditEvent.findFirstOrThrow({ where: { entityId: id }, orderBy: { id: "desc" } })).action,
    ).toBe("claim.update");
  });

  it("a new claim whose mark is missing from the body is a 4xx, not a crash", async () => {
    const { editor, article } = await setup();
    await expect(
      createClaim({
        actor: editor,
        articleId: article.id,
        input: { version: 1, body: article.body as never, claim: { id: randomUUID(), kind: "other" } },
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("offsets inside an emoji (between its two UTF-16 halves) are refused, saying so", async () => {
    const editor = await buildUser({ role: "editor" });
    const article = await buildArticle({ createdBy: editor, paragraphs: ["😀 hello world, said the minister."] });
    for (const [start, end] of [
      [1, 7],
      [0, 1],
    ])
      await expect(
        createClaim({
          actor: editor,
          articleId: article.id,
          input: { version: 1, claim: { id: randomUUID(), kind: "other" }, start, end },
        }),
      ).rejects.toMatchObject({
        code: "invalid_input",
        message: expect.stringMatching(/^start and end must not fall inside a character/),
      });
    const whole = await createClaim({
      actor: editor,
      articleId: article.id,
      input: { version: 1, claim: { id: randomUUID(), kind: "other" }, start: 0, end: 8 },
    });
    expect(whole.claim.exact).toBe("😀 hello");
  });

  it("two saves from the same version: the second gets a conflict and nothing of the first is lost", async () => {
    const { editor, article } = await setup();
    const a = replaceText(article.body, "Bush did not dispute", "Bush never disputed");
    const b = replaceText(article.body, "According to a transcript", "Per a transcript");
    const results = await Promise.allSettled([
      updateArticle({ actor: editor, articleId: article.id, input: { version: 1, body: a } }),
      updateArticle({ actor: editor, articleId: article.id, input: { version: 1, body: b } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "conflict" });
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored.version).toBe(2);
    expect(stored.bodyText.includes("Bush never disputed") !== stored.bodyText.includes("Per a transcript")).toBe(true);
  });

  it("strips marks that belong to no claim of the article (a pasted or forged mark)", async () => {
    const { editor, article } = await setup();
    const forged = withMark(article.body, "forged-claim-id", "Bush did not dispute");
    const saved = await updateArticle({ actor: editor, articleId: article.id, input: { version: 1, body: forged } });
    expect(saved.strippedClaimIds).toEqual(["forged-claim-id"]);
    expect(JSON.stringify((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).body)).not.toContain(
      "forged-claim-id",
    );
  });

  it("deleting a claim removes its row and its mark together", async () => {
    const { editor, article, id, version } = await judgedClaim();
    const result = await deleteClaim({ actor: editor, claimId: id, articleVersion: version });
    expect(result.version).toBe(version + 1);
    expect(await prisma.claim.findUnique({ where: { id } })).toBeNull();
    expect(JSON.stringify((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).body)).not.toContain(
      id,
    );
  });
});

describe("bad input and other roles", () => {
  it("refuses bodies with script, javascript: links, foreign nodes or too many bytes", async () => {
    const { editor, article } = await setup();
    const bodies = [
      { type: "doc", content: [{ type: "script", content: [{ type: "text", text: "alert(1)" }] }] },
      {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }],
          },
        ],
      },
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x".repeat(3 * 1024 * 1024) }] }] },
      "not a document",
    ];
    for (const body of bodies) {
      await expect(
        updateArticle({ actor: editor, articleId: article.id, input: { version: 1, body: body as never } }),
      ).rejects.toThrow(/body|link|limit|valid/i);
    }
    expect((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).version).toBe(1);
  });

  it("a reviewer and a signed-out caller cannot change an article or a claim", async () => {
    const { editor, article } = await setup();
    const start = article.bodyText.indexOf("Bush did not dispute");
    const created = await createClaim({
      actor: editor,
      articleId: article.id,
      input: { version: 1, claim: { kind: "other" }, start, end: start + 20 },
    });
    const reviewer = await buildUser({ role: "reviewer" });
    for (const actor of [reviewer, null]) {
      await expect(
        updateArticle({ actor, articleId: article.id, input: { version: 2, title: "Hijacked" } }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(
        createClaim({
          actor,
          articleId: article.id,
          input: { version: 2, claim: { kind: "other" }, start: 0, end: 5 },
        }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(
        updateClaim({ actor, claimId: created.claim.id, input: { version: 1, verdictKey: "false" } }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(deleteClaim({ actor, claimId: created.claim.id, articleVersion: 2 })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    expect((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).title).toBe(article.title);
  });
});
