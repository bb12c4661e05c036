// The claim list beside the article is virtualised (docs/decisions/0012): with many claims only
// the rows in view are drawn, yet every claim is reachable by keyboard, by the cursor in the
// article, and screen readers hear each row's place in the whole list.
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { createArticleViaApi, editorBox, expectSaved, selectWords } from "./editor-helpers";

const CLAIMS = 60;

test("a long claim list draws the rows in view, and keys, the cursor and screen readers still reach every claim", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "editor");
  const paragraphs = Array.from(
    { length: CLAIMS },
    (_, i) => `Paragraph ${i + 1} says the figure was ${i + 1} percent last year.`,
  );
  const created = await createArticleViaApi(page, paragraphs);
  const article = (await (await page.request.get(`/api/v1/articles/${created.id}`)).json()) as {
    article: { bodyText: string; version: number };
  };
  let version = article.article.version;
  for (let i = 0; i < CLAIMS; i++) {
    const words = `the figure was ${i + 1} percent`;
    const start = article.article.bodyText.indexOf(`${words} last`);
    const response = await page.request.post(`/api/v1/articles/${created.id}/claims`, {
      data: { version, start, end: start + words.length, exact: words, claim: { kind: "figure" } },
    });
    expect(response.status(), await response.text()).toBe(201);
    version = ((await response.json()) as { version: number }).version;
  }

  await page.goto(`/articles/${created.id}`);
  const list = page.getByRole("list", { name: "Claims in document order" });
  const rows = list.getByRole("listitem");
  await expect(page.getByRole("heading", { name: `Claims (${CLAIMS} of ${CLAIMS})` })).toBeVisible();
  await expect(rows.first()).toHaveAttribute("aria-posinset", "1");
  await expect(rows.first()).toHaveAttribute("aria-setsize", String(CLAIMS));
  // Only part of the list is in the DOM: the rows in view and a few around them.
  const drawn = await rows.count();
  expect(drawn).toBeGreaterThan(3);
  expect(drawn).toBeLessThan(CLAIMS);
  await expectNoAxeViolations(page);

  // End reaches the last claim, which is drawn, focused, in view and selected in the article.
  const first = list.getByRole("button").first();
  await first.focus();
  await first.press("End");
  const focused = page.locator("[aria-label='Claims in document order'] button:focus");
  await expect(focused).toContainText(`the figure was ${CLAIMS} percent`);
  await expect(focused).toBeInViewport();
  await expect(focused).toHaveAttribute("aria-current", "true");
  await expect(page.locator("li:has(button:focus)")).toHaveAttribute("aria-posinset", String(CLAIMS));
  // Past the end nothing moves, and nothing waits to take the focus later: a click in the
  // article keeps it there through the list's next render.
  await focused.press("End");
  await expect(focused).toContainText(`the figure was ${CLAIMS} percent`);
  await editorBox(page)
    .locator("p")
    .nth(1)
    .click({ position: { x: 5, y: 5 } });
  await expect(editorBox(page)).toBeFocused();
  await page.waitForTimeout(300);
  await expect(editorBox(page)).toBeFocused();
  await list.getByRole("button", { name: new RegExp(`figure was ${CLAIMS} percent`) }).focus();
  await focused.press("ArrowUp");
  await expect(focused).toContainText(`the figure was ${CLAIMS - 1} percent`);
  await focused.press("Home");
  await expect(focused).toContainText("the figure was 1 percent");

  // The cursor moving into a claim far down the article brings its row into view in the list.
  const middle = Math.round(CLAIMS * 0.75);
  await editorBox(page)
    .locator("mark.claim-mark", { hasText: `the figure was ${middle} percent` })
    .click();
  const current = list.locator("button[aria-current='true']");
  await expect(current).toContainText(`the figure was ${middle} percent`);
  await expect(current).toBeInViewport();

  // Tab reaches the list's active row even when the list was scrolled away from it.
  await list.evaluate((ul) => ul.parentElement!.scrollTo({ top: 0 }));
  await page.getByLabel("Filter by kind").focus();
  await page.keyboard.press("Tab");
  await expect(focused).toContainText(`the figure was ${middle} percent`);
  await expectNoAxeViolations(page);
});

test("a double click in the claim list opens only a claim both clicks landed on", async ({ page }) => {
  await signInAs(page, "editor");
  const article = await createArticleViaApi(page, ["Alpha words here. Beta words there."]);
  await page.goto(`/articles/${article.id}`);
  for (const words of ["Alpha words", "Beta words"]) {
    await selectWords(page, words);
    await page.keyboard.press("Control+Shift+M");
    await page.getByRole("form", { name: "New claim" }).getByRole("button", { name: "Save claim" }).click();
    await expectSaved(page);
  }
  const buttons = page.getByRole("list", { name: "Claims in document order" }).getByRole("button");
  await expect(buttons).toHaveCount(2);
  // The list moved between the clicks: the first landed on Alpha, the second on Beta.
  await buttons.nth(0).dispatchEvent("click", { detail: 1 });
  await buttons.nth(1).dispatchEvent("click", { detail: 2 });
  await buttons.nth(1).dispatchEvent("dblclick", { detail: 2 });
  await expect(page.getByRole("form", { name: /Claim/ })).toHaveCount(0);
  await expect(buttons.nth(1)).toHaveAttribute("aria-current", "true");
  await buttons.nth(1).dblclick();
  await expect(page.getByRole("form", { name: /Claim/ }).locator("blockquote").first()).toHaveText("Beta words");
});

test("the keyboard's focus follows the work: back in the article after marking, into a claim opened from the list, back to its row when closed", async ({
  page,
}) => {
  await signInAs(page, "editor");
  const article = await createArticleViaApi(page, ["Alpha words here. Beta words there."]);
  await page.goto(`/articles/${article.id}`);
  await selectWords(page, "Alpha words");
  await page.keyboard.press("Control+Shift+M");
  const form = page.getByRole("form", { name: "New claim" });
  await form.getByRole("button", { name: "Save claim" }).focus();
  await page.keyboard.press("Enter");
  await expectSaved(page);
  await expect(editorBox(page)).toBeFocused();

  const row = page.getByRole("list", { name: "Claims in document order" }).getByRole("button").first();
  await row.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("form", { name: /^Claim/ });
  await expect(panel.getByRole("heading", { name: /^Claim/ })).toBeFocused();
  // Saving a verdict without the rationale it needs is refused; the focus stays on the button.
  await panel.getByLabel("Verdict").selectOption({ label: "Misleading" });
  await panel.getByRole("button", { name: "Save claim" }).focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("alert")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Save claim" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(row).toBeFocused();
});

test("a word longer than its box (a pasted address as the speaker) breaks instead of widening the page", async ({
  page,
}) => {
  await signInAs(page, "editor");
  const article = await createArticleViaApi(page, ["Alpha words here. Beta words there."]);
  const speaker = `https://example.org/${"a".repeat(180)}`;
  const marked = await page.request.post(`/api/v1/articles/${article.id}/claims`, {
    data: { version: article.version, claim: { kind: "quote", speaker }, start: 0, end: 11 },
  });
  expect(marked.status()).toBe(201);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/articles/${article.id}`);
    await selectWords(page, "words");
    await expect(page.getByTestId("claim-at-cursor")).toContainText("example.org");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `at ${width} px`).toBeLessThanOrEqual(0);
  }
});
