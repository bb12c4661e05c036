// Marking a claim by offsets: what the editor sends when it has no unsaved edits (issue 10: the
// mark is put in on the server, the body is not sent, and no other claim is reconciled).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createClaim } from "@/lib/services/claims/create-claim";
import { updateArticle } from "@/lib/services/articles/update-article";
import { buildArticle, buildUser } from "@/test/support/factories";
import { PUTIN_QUOTE, replaceText, SEED_PARAGRAPHS, withMark } from "@/test/support/article-bodies";

async function setup(role: "editor" | "admin" = "editor") {
  const editor = await buildUser({ role });
  const article = await buildArticle({ createdBy: editor, paragraphs: SEED_PARAGRAPHS });
  const at = (words: string) => {
    const start = article.bodyText.indexOf(words);
    return { start, end: start + words.length, exact: words };
  };
  return { editor, article, at };
}

const stored = (id: string) =>
  prisma.article.findUniqueOrThrow({ where: { id }, select: { body: true, bodyText: true, version: true } });

describe("marking a claim by offsets", () => {
  it("puts the mark in the stored body exactly where the editor put it, and answers with the claim's server state only", async () => {
    const { editor, article, at } = await setup();
    const id = randomUUID();
    const created = await createClaim({
      actor: editor,
      articleId: article.id,
      input: { version: 1, claim: { id, kind: "quote", speaker: "Vladimir Putin" }, ...at(PUTIN_QUOTE) },
    });
    expect(created.version).toBe(2);
    expect(created.claims).toBeUndefined();
    expect(created.claim).toMatchObject({
      id,
      exact: PUTIN_QUOTE,
      speaker: "Vladimir Putin",
      kind: "quote",
      state: "draft",
      anchorStatus: "anchored",
      version: 1,
      approvedBy: null,
    });
    const after = await stored(article.id);
    // The same document the editor has after marking those words in its copy of version 1.
    expect(after.body).toEqual(withMark(article.body, id, PUTIN_QUOTE));
    expect(after.bodyText).toBe(article.bodyText);
    expect(after.version).toBe(2);
    expect(await prisma.auditEvent.count({ where: { entityId: id, action: "claim.create" } })).toBe(1);
  });

  it("leaves every other claim untouched: no update, no new version, no audit event", async () => {
    const { editor, article, at } = await setup();
    const first = await createClaim({
      actor: editor,
      articleId: article.id,
      input: { version: 1, claim: { kind: "other" }, ...at("Bush did not dispute") },
    });
    const before = await prisma.claim.findUniqueOrThrow({ where: { id: first.claim.id } });
    const second = await createClaim({
      actor: editor,
      articleId: article.id,
      input: { version: first.version, claim: { kind: "other" }, ...at("complex history") },
    });
    expect(second.version).toBe(3);
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: first.claim.id } })).toEqual(before);
    expect(await prisma.auditEvent.count({ where: { entityId: first.claim.id } })).toBe(1);
    // Both marks are in the body, and a later save from the editor still finds both claims.
    const body = (await stored(article.id)).body;
    const saved = await updateArticle({
      actor: editor,
      articleId: article.id,
      input: { version: 3, body: replaceText(body, "According to", "Per") },
    });
    expect(saved.claims.map((c) => [c.exact, c.anchorStatus])).toEqual([
      ["complex history", "anchored"],
      ["Bush did not dispute", "anchored"],
    ]);
  });

  it("with exact, keeps the caller's words as sent (no quotation marks trimmed); without it, a quote loses its marks", async () => {
    const { editor, article, at } = await setup("admin");
    const quoted = `“${PUTIN_QUOTE}”`;
    const kept = await createClaim({
      actor: editor,
      articleId: article.id,
      input: { version: 1, claim: { kind: "quote" }, ...at(quoted) },
    });
    expect(kept.claim.exact).toBe(quoted);
    const { exact: _unused, ...offsets } = at(quoted);
    const trimmed = await createClaim({
      actor: editor,
      articleId: article.id,
      input: { version: 2, claim: { kind: "quote" }, ...offsets },
    });
    expect(trimmed.claim.exact).toBe(PUTIN_QUOTE);
  });

  it("a stale version is a conflict and writes nothing", async () => {
    const { editor, article, at } = await setup();
    await updateArticle({ actor: editor, articleId: article.id, input: { version: 1, title: "Someone else saved" } });
    const id = randomUUID();
    await expect(
      createClaim({
        actor: editor,
        articleId: article.id,
        input: { version: 1, claim: { id, kind: "other" }, ...at("complex history") },
      }),
    ).rejects.toMatchObject({ code: "conflict", details: { currentVersion: 2 } });
    expect(await prisma.claim.findUnique({ where: { id } })).toBeNull();
    expect((await stored(article.id)).version).toBe(2);
  });

  it("two marks from the same version: exactly one lands, the other is a conflict", async () => {
    const { editor, article, at } = await setup();
    const results = await Promise.allSettled([
      createClaim({
        actor: editor,
        articleId: article.id,
        input: { version: 1, claim: { kind: "other" }, ...at("complex history") },
      }),
      createClaim({
        actor: editor,
        articleId: article.id,
        input: { version: 1, claim: { kind: "other" }, ...at("Bush did not dispute") },
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      code: "conflict",
    });
    expect(await prisma.claim.count({ where: { articleId: article.id } })).toBe(1);
    expect((await stored(article.id)).version).toBe(2);
  });

  it("words that are not at those offsets, a range past the text, blank words or a reused id are 4xx and write nothing", async () => {
    const { editor, article, at } = await setup();
    const range = at("complex history");
    const bad = [
      { input: { ...range, exact: "complex histor" }, code: "invalid_input" },
      { input: { start: 0, end: article.bodyText.length + 1 }, code: "invalid_input" },
      {
        input: { start: article.bodyText.indexOf(" "), end: article.bodyText.indexOf(" ") + 1 },
        code: "invalid_input",
      },
    ];
    for (const { input, code } of bad) {
      await expect(
        createClaim({
          actor: editor,
          articleId: article.id,
          input: { version: 1, claim: { kind: "other" }, ...input },
        }),
      ).rejects.toMatchObject({ code });
    }
    const id = randomUUID();
    await createClaim({
      actor: editor,
      articleId: article.id,
      input: { version: 1, claim: { id, kind: "other" }, ...range },
    });
    await expect(
      createClaim({
        actor: editor,
        articleId: article.id,
        input: { version: 2, claim: { id, kind: "other" }, ...at("Bush did not dispute") },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      createClaim({
        actor: editor,
        articleId: article.id,
        input: { version: 2, claim: { kind: "other" }, ...range, body: article.body } as never,
      }),
    ).rejects.toThrow(/exact only with start and end|either the body/);
    expect(await prisma.claim.count({ where: { articleId: article.id } })).toBe(1);
    expect((await stored(article.id)).version).toBe(2);
  });

  it("a reviewer and a signed-out caller may not mark a claim", async () => {
    const { article, at } = await setup();
    const reviewer = await buildUser({ role: "reviewer" });
    for (const actor of [reviewer, null]) {
      await expect(
        createClaim({
          actor,
          articleId: article.id,
          input: { version: 1, claim: { kind: "other" }, ...at("complex history") },
        }),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    expect((await stored(article.id)).version).toBe(1);
  });
});
