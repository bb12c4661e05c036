import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { apiAs, OTHER_CLAIM, publishDemoCopy, SEED_QUOTE, type PublishedCopy } from "./reader-setup";

// One published copy of the demo article for the whole file, so the steps run in order.
test.describe.configure({ mode: "serial" });

let copy: PublishedCopy;

test.beforeAll(async ({ baseURL }) => {
  copy = await publishDemoCopy(baseURL!, `Reader e2e ${Date.now()}`);
});

test("a signed-out reader tabs to the seed quote and reads its verdict, quote check and sources", async ({ page }) => {
  await page.goto(`/read/${copy.articleId}`);
  await expect(page.getByRole("heading", { level: 1, name: copy.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What the verdicts mean" })).toBeVisible();
  // The claim left out is not marked, and the leftover text is plain.
  await expect(page.locator("main")).toContainText(OTHER_CLAIM);
  await expect(page.locator(`[data-claim-id="${copy.otherClaimId}"]`)).toHaveCount(0);

  const chip = page.locator(`#mark-${copy.claimId}`);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await chip.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(chip).toBeFocused();
  await expect(chip).toContainText("Accurate but needs context");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`#claim-${copy.claimId}$`));

  const panel = page.locator(`#claim-${copy.claimId}`);
  await expect(panel).toBeInViewport();
  await expect(panel.getByRole("heading", { name: `“${SEED_QUOTE}”` })).toBeVisible();
  await expect(panel).toContainText("Accurate but needs context");
  await expect(panel).toContainText("the primary memcon is not public");
  await expect(panel).toContainText(/Quote check: (Word for word|Minor differences|Altered)/);
  await expect(panel).toContainText("Reviewed by");
  await expect(panel.getByRole("region", { name: "Competing wordings" })).toContainText(
    "yet the West does not criticize it",
  );
  const wion = panel.getByRole("link", { name: /Putin and Bush shared 'nervous' fears/ }).first();
  await expect(wion).toHaveAttribute("href", "/read/sources/wion-2025-12-25");
  await expect(panel.getByRole("link", { name: /Junta with nuclear weapons/ }).first()).toHaveAttribute(
    "href",
    "/read/sources/indiatv-2025-12-26",
  );
  await expect(panel.locator("mark.cited-words").first()).toContainText("It is just a junta with nuclear weapons.");
  await expect(panel.getByRole("link", { name: /^https:\/\// }).first()).toBeVisible();

  await expect(page.getByRole("heading", { name: "Sources", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd[0]).toMatchObject({
    "@type": "ClaimReview",
    claimReviewed: SEED_QUOTE,
    reviewRating: { alternateName: "Accurate but needs context", ratingValue: 4 },
  });
  expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe(`Fact-check: ${copy.title}`);
});

test("with JavaScript off, the claims, verdicts and sources are all there", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto(`/read/${copy.articleId}`);
  const claims = page.getByRole("region", { name: "Checked claims" });
  await expect(claims.getByRole("article")).toHaveCount(1);
  await expect(claims).toContainText("Accurate but needs context");
  await expect(claims).toContainText(SEED_QUOTE);
  await expect(
    page.getByRole("region", { name: "Sources" }).getByRole("link", { name: /Junta with nuclear weapons/ }),
  ).toBeVisible();
  await page.locator(`#mark-${copy.claimId}`).click();
  await expect(page).toHaveURL(new RegExp(`#claim-${copy.claimId}$`));
  await context.close();
});

test("a phone shows the article in one column", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, baseURL });
  const page = await context.newPage();
  await page.goto(`/read/${copy.articleId}`);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await context.close();
});

test("the source page, the front page and the feed list what was published", async ({ page, request }) => {
  await page.goto("/read/sources/wion-2025-12-25");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Putin and Bush shared");
  await expect(page.getByRole("link", { name: `“${SEED_QUOTE}”` }).first()).toHaveAttribute(
    "href",
    `/read/${copy.articleId}#claim-${copy.claimId}`,
  );
  await expectNoAxeViolations(page);

  await page.goto("/");
  await expect(page.getByRole("link", { name: copy.title })).toBeVisible();

  const feed = await request.get("/read/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain(`Fact-check: ${copy.title}`);
});

test("edits after publishing reach readers only with the next publish; unpublished means 404", async ({
  page,
  baseURL,
}) => {
  const editor = await apiAs(baseURL!, "editor");
  const { article } = await (await editor.get(`/api/v1/articles/${copy.articleId}`)).json();
  const saved = await editor.patch(`/api/v1/articles/${copy.articleId}`, {
    data: { version: article.version, title: `${copy.title} (draft change)` },
  });
  expect(saved.status()).toBe(200);
  await page.goto(`/read/${copy.articleId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(copy.title);

  // The editor's publish dialog offers an update; after it, readers see the new title.
  await signInAs(page, "editor");
  await page.goto(`/articles/${copy.articleId}`);
  await page.getByRole("button", { name: "Publishing…" }).click();
  const dialog = page.getByRole("dialog", { name: "Publish this fact-check" });
  await expect(dialog).toContainText("Nothing blocks publishing");
  await expect(dialog.getByRole("heading", { name: "Left out" })).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Publish update" }).click();
  await expect(dialog.getByRole("status")).toContainText("Published snapshot #2");
  const reader = await page.context().browser()!.newContext({ baseURL });
  const readerPage = await reader.newPage();
  await readerPage.goto(`/read/${copy.articleId}`);
  await expect(readerPage.getByRole("heading", { level: 1 })).toHaveText(`${copy.title} (draft change)`);

  await dialog.getByRole("button", { name: "Unpublish" }).click();
  await expect(dialog.getByRole("status")).toContainText("Unpublished");
  const gone = await readerPage.goto(`/read/${copy.articleId}`);
  expect(gone?.status()).toBe(404);
  await reader.close();
  await editor.dispose();
});

test("deleting a published fact-check takes it off the web at once: its page, the source page, the front page", async ({
  page,
  baseURL,
}) => {
  const doomed = await publishDemoCopy(baseURL!, `Reader e2e deleted ${Date.now()}`);
  await page.goto(`/read/${doomed.articleId}`); // rendered and cached
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(doomed.title);
  await page.goto("/read/sources/wion-2025-12-25");
  await expect(page.locator(`a[href^="/read/${doomed.articleId}"]`).first()).toBeVisible();

  const editor = await apiAs(baseURL!, "editor");
  const { article } = await (await editor.get(`/api/v1/articles/${doomed.articleId}`)).json();
  expect((await editor.delete(`/api/v1/articles/${doomed.articleId}?version=${article.version}`)).status()).toBe(204);
  expect((await page.goto(`/read/${doomed.articleId}`))?.status()).toBe(404);
  await page.goto("/read/sources/wion-2025-12-25");
  await expect(page.locator(`a[href^="/read/${doomed.articleId}"]`)).toHaveCount(0);
  await page.goto("/");
  await expect(page.getByRole("link", { name: doomed.title })).toHaveCount(0);
  await editor.dispose();
});

test("a draft article is not on the web", async ({ page, baseURL }) => {
  const editor = await apiAs(baseURL!, "editor");
  const created = await editor.post("/api/v1/articles", {
    data: {
      title: "Reader e2e draft",
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Work in progress." }] }] },
    },
  });
  const { article } = await created.json();
  const response = await page.goto(`/read/${article.id}`);
  expect(response?.status()).toBe(404);
  await editor.dispose();
});
