import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { createArticleViaApi, PUTIN_QUOTE } from "./editor-helpers";

// The demo article's paragraphs as the seed imports them (prisma/demo/seed.ts). Specs run in
// parallel on one seeded database and the editor spec edits the demo article itself, so the
// audit runs on a fresh copy of the same text.
const file = readFileSync(path.resolve(import.meta.dirname, "../prisma/demo/corpus/seed-article.txt"), "utf8");
const DEMO_PARAGRAPHS = file
  .slice(file.indexOf("\n\n") + 2)
  .trim()
  .split(/\n\s*\n/);

const FIVE = [
  ["We (the US) have a complex history with Iran", "George W Bush"],
  [PUTIN_QUOTE, "Vladimir Putin"],
  ["part of the West and not an enemy", "George W Bush"],
  ["nervous", "George W Bush"],
  ["Think about us", "Vladimir Putin"],
] as const;

test.describe("Check quotes", () => {
  test("proposes the demo article's five quotations with their speakers; accepting one saves the claim with its evidence", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await signInAs(page, "editor");
    const article = await createArticleViaApi(page, DEMO_PARAGRAPHS);
    await page.goto(`/articles/${article.id}`);
    await page.getByRole("link", { name: "Check quotes" }).click();
    await expect(page.getByRole("heading", { name: "Check quotes" })).toBeVisible();

    const list = page.getByRole("list", { name: "Proposed quote claims" });
    await expect(list.getByRole("listitem").filter({ has: page.getByRole("button", { name: "Accept" }) })).toHaveCount(
      5,
      { timeout: 30_000 },
    );
    const items = list.locator(":scope > li");
    for (const [k, [quote, speaker]] of FIVE.entries()) {
      await expect(items.nth(k).locator("blockquote").first()).toHaveText(`“${quote}”`);
      await expect(items.nth(k).getByLabel("Speaker")).toHaveValue(speaker);
    }
    // The Putin quote: India TV prints the same words, split by narration.
    const putin = items.nth(1);
    await expect(putin.getByText("Minor differences").first()).toBeVisible();
    await expect(putin.getByRole("link", { name: /Junta with nuclear weapons/ }).first()).toBeVisible();
    await expect(putin.getByText(/the source interrupts the quotation with narration/)).toBeVisible();
    // …and the word-by-word table says where: India TV's narration sits inside the quotation.
    const words = putin.getByTestId("word-comparison").first();
    await expect(words).toBeVisible();
    await expect(
      words
        .locator('[data-op]:not([data-op="equal"])')
        .filter({ hasText: /Putin said|narration/ })
        .first(),
    ).toBeVisible();
    await expect(words.locator('[data-op="equal"]').filter({ hasText: "junta with nuclear weapons" })).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Accept all (5)" })).toBeEnabled();
    await expectNoAxeViolations(page);

    // Dismissing takes a proposal out of "Accept all"; nothing has been saved so far.
    await items.nth(0).getByRole("button", { name: "Dismiss" }).click();
    await expect(page.getByRole("button", { name: "Accept all (4)" })).toBeVisible();
    const none = await page.request.get(`/api/v1/articles/${article.id}/claims`);
    expect(((await none.json()) as { claims: unknown[] }).claims).toEqual([]);

    await putin.getByRole("button", { name: "Accept" }).click();
    await expect(putin.getByText("Saved as a claim.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Accept all (3)" })).toBeVisible();

    const response = await page.request.get(`/api/v1/articles/${article.id}/claims`);
    const { claims } = (await response.json()) as {
      claims: { id: string; exact: string; speaker: string; kind: string; quoteCheck: string | null }[];
    };
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ exact: PUTIN_QUOTE, speaker: "Vladimir Putin", kind: "quote" });
    const dossier = await page.request.get(`/api/v1/claims/${claims[0]!.id}/dossier`);
    expect(dossier.status()).toBe(200);
    const { evidence } = (await dossier.json()) as {
      evidence: {
        relation: string;
        quoteCheck: { result: string } | null;
        exact: string;
        document: { title: string };
      }[];
    };
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ relation: "supports", quoteCheck: { result: "minor_differences" } });
    expect(evidence[0]!.document.title).toMatch(/Junta with nuclear weapons/);
    expect(evidence[0]!.exact).toContain("junta with nuclear weapons");

    // The editor shows the new claim.
    await putin.getByRole("link", { name: "See it in the editor" }).click();
    await expect(
      page.getByRole("list", { name: "Claims in document order" }).getByRole("button").first(),
    ).toContainText("Vladimir Putin");
  });

  test("an article without quotations says so", async ({ page }) => {
    await signInAs(page, "editor");
    const article = await createArticleViaApi(page, [
      "No quotations here: only Pakistan’s and the leaders’ talks, which don’t count.",
    ]);
    await page.goto(`/articles/${article.id}/check-quotes`);
    await expect(page.getByText("No quotations found in this article.")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("accepting from an audit of an older version is refused as a conflict", async ({ page }) => {
    await signInAs(page, "editor");
    const article = await createArticleViaApi(page, ["Putin said, “We will see.” Bush said, “We shall.”"]);
    const audit = await page.request.post(`/api/v1/articles/${article.id}/quote-audit`);
    expect(audit.status()).toBe(200);
    expect(audit.headers()["content-type"]).toMatch(/application\/x-ndjson/);
    const lines = (await audit.text())
      .trim()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            type: string;
            version?: number;
            proposals?: { start: number; end: number; speaker: string }[];
          },
      );
    expect(lines.map((l) => l.type)).toEqual(["start", "quotation", "quotation", "done"]);
    const done = lines[3]!;
    const [first, second] = done.proposals!;
    const accept = (p: { start: number; end: number; speaker: string }, version: number) =>
      page.request.post(`/api/v1/articles/${article.id}/quote-audit/accept`, {
        data: { version, proposals: [{ start: p.start, end: p.end, speaker: p.speaker }] },
      });
    const created = await accept(first!, done.version!);
    expect(created.status()).toBe(201);
    const body = (await created.json()) as { version: number; claims: { exact: string }[] };
    expect(body.claims.map((c) => c.exact)).toEqual(["We will see."]);
    expect((await accept(second!, done.version!)).status()).toBe(409);
    expect((await accept(second!, body.version)).status()).toBe(201);
  });

  test("a reviewer is not offered it: no link, the page and both API routes answer 403", async ({ page }) => {
    await signInAs(page, "reviewer");
    const { articles } = (await (await page.request.get("/api/v1/articles")).json()) as {
      articles: { id: string; version: number }[];
    };
    const article = articles[0]!;
    await page.goto(`/articles/${article.id}`);
    await expect(page.getByRole("heading", { name: /Edit article/ })).toBeAttached();
    await expect(page.getByRole("link", { name: "Check quotes" })).toHaveCount(0);
    const visit = await page.goto(`/articles/${article.id}/check-quotes`);
    expect(visit?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();

    const audit = await page.request.post(`/api/v1/articles/${article.id}/quote-audit`);
    expect(audit.status()).toBe(403);
    const accept = await page.request.post(`/api/v1/articles/${article.id}/quote-audit/accept`, {
      data: { version: article.version, proposals: [{ start: 0, end: 5, speaker: "Bush" }] },
    });
    expect(accept.status()).toBe(403);
  });
});
