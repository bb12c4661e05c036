import { readFileSync } from "node:fs";
import path from "node:path";
// Publishes a copy of the demo article through the API, the way a newsroom would: mark the
// seed quote, link it to the two sources that print it (India TV and WION, in different words),
// set a verdict, submit as the editor, approve as the reviewer, publish as the editor. A copy,
// so specs running in parallel keep the seeded article as it was.
import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { DEMO, signInWithApi } from "./fixtures";

export const SEED_QUOTE =
  "I am concerned about Pakistan. It is just a junta with nuclear weapons. It is no democracy, yet the West makes no criticism of it.";
export const OTHER_CLAIM = "Bush did not dispute Putin’s characterisation.";

export async function apiAs(baseURL: string, role: "editor" | "reviewer"): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  expect(await signInWithApi(context, DEMO[role].email, DEMO[role].password)).toEqual({ ok: true, error: null });
  return context;
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>, status = 200): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

type Claim = { id: string; version: number };

/** Cites `words` in the passage of document `slug` that holds them. */
async function cite(editor: APIRequestContext, claimId: string, slug: string, words: string) {
  const search = await json<{ results: { passageId: string }[] }>(
    await editor.get(`/api/v1/search?${new URLSearchParams({ q: words, document: slug })}`),
  );
  for (const result of search.results) {
    const { passage } = await json<{ passage: { text: string } }>(
      await editor.get(`/api/v1/passages/${result.passageId}`),
    );
    const start = passage.text.indexOf(words);
    if (start < 0) continue;
    return (
      await json<{ claim: Claim }>(
        await editor.post(`/api/v1/claims/${claimId}/evidence`, {
          data: { passageId: result.passageId, start, end: start + words.length, relation: "supports" },
        }),
        201,
      )
    ).claim;
  }
  throw new Error(`"${words}" is in no passage of ${slug}`);
}

export type PublishedCopy = { articleId: string; claimId: string; otherClaimId: string; title: string };

export async function publishDemoCopy(baseURL: string, title: string): Promise<PublishedCopy> {
  const editor = await apiAs(baseURL, "editor");
  const reviewer = await apiAs(baseURL, "reviewer");
  // The seeded article's text from the corpus file, not from the database: other specs running
  // in parallel create articles and edit the seeded one.
  const article = demoArticle();
  const created = await json<{ article: { id: string; version: number; bodyText: string } }>(
    await editor.post("/api/v1/articles", {
      data: {
        title,
        outlet: article.outlet,
        byline: article.byline,
        dateline: article.dateline,
        body: stripMarks(article.body),
      },
    }),
    201,
  );
  const articleId = created.article.id;
  const mark = async (words: string, version: number, kind: string, speaker: string | null) => {
    const start = created.article.bodyText.indexOf(words);
    expect(start, words).toBeGreaterThanOrEqual(0);
    return json<{ claim: Claim; version: number }>(
      await editor.post(`/api/v1/articles/${articleId}/claims`, {
        data: { version, claim: { kind, speaker }, start, end: start + words.length },
      }),
      201,
    );
  };
  const quote = await mark(SEED_QUOTE, created.article.version, "quote", "Vladimir Putin");
  const other = await mark(OTHER_CLAIM, quote.version, "other", null);

  await cite(
    editor,
    quote.claim.id,
    "indiatv-2025-12-26",
    'I am concerned about Pakistan," Putin said. "It is just a junta with nuclear weapons. It is no democracy, yet the West makes no criticism of it.',
  );
  let claim = await cite(
    editor,
    quote.claim.id,
    "wion-2025-12-25",
    'I am concerned about Pakistan," he told Bush. "It is just a junta with nuclear weapons. It is no democracy, yet the West does not criticize it.',
  );
  claim = (
    await json<{ claim: Claim }>(
      await editor.patch(`/api/v1/claims/${claim.id}`, {
        data: {
          version: claim.version,
          verdictKey: "accurate_needs_context",
          rationale:
            "Two news reports print these words; the primary memcon is not public, and WION words the last sentence differently.",
        },
      }),
    )
  ).claim;
  claim = (
    await json<{ claim: Claim }>(
      await editor.post(`/api/v1/claims/${claim.id}/submit`, { data: { version: claim.version } }),
    )
  ).claim;
  await json(
    await reviewer.post(`/api/v1/claims/${claim.id}/reviews`, {
      data: { version: claim.version, decision: "approve" },
    }),
    201,
  );

  await json(await editor.patch(`/api/v1/claims/${other.claim.id}/left-out`, { data: { leftOut: true } }));
  await json(await editor.post(`/api/v1/articles/${articleId}/publication`), 201);
  await editor.dispose();
  await reviewer.dispose();
  return { articleId, claimId: quote.claim.id, otherClaimId: other.claim.id, title };
}

/** The demo article may carry other specs' claim marks; the copy starts clean. */
function demoArticle(): { body: unknown; outlet: string | null; byline: string | null; dateline: string | null } {
  const file = readFileSync(path.join(import.meta.dirname, "../prisma/demo/corpus/seed-article.txt"), "utf8");
  const [header = "", ...rest] = file.split(/\n\s*\n/);
  const meta = Object.fromEntries(
    header
      .split("\n")
      .map((line) => line.split(/:\s*/, 2) as [string, string])
      .filter(([k, v]) => k && v),
  );
  const paragraphs = rest.map((p) => p.trim()).filter(Boolean);
  const body = {
    type: "doc",
    content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
  };
  return {
    body,
    outlet: meta.outlet ?? null,
    byline: meta.byline ?? meta.author ?? null,
    dateline: meta.dateline ?? null,
  };
}

function stripMarks(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripMarks);
  if (!node || typeof node !== "object") return node;
  const n = node as { marks?: { type: string }[] };
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(n))
    copy[k] = k === "marks" ? (v as { type: string }[]).filter((m) => m.type !== "claim") : stripMarks(v);
  return copy;
}
