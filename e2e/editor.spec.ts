import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { createArticleViaApi, editorBox, expectSaved, PUTIN_QUOTE, selectWords } from "./editor-helpers";

test.describe("the claim editor", () => {
  test("marks the Putin quote, keeps it through a reload, goes stale on an edit, orphaned on a deletion, and back on undo", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await signInAs(page, "editor");
    await page.goto("/articles");
    await page.getByRole("link", { name: /Putin raised Pakistan’s nuclear proliferation/ }).click();
    await expect(editorBox(page)).toBeVisible();
    await expectNoAxeViolations(page);

    await selectWords(page, `“${PUTIN_QUOTE}”`);
    await page.keyboard.press("Control+Shift+M");
    const form = page.getByRole("form", { name: "New claim" });
    await expect(form.getByRole("radio", { name: "Quote" })).toBeChecked();
    await expect(form.getByText(PUTIN_QUOTE, { exact: true })).toBeVisible();
    await expect(form.getByLabel("Speaker")).toHaveValue("Vladimir Putin");
    await form.getByRole("button", { name: "Save claim" }).click();
    await expectSaved(page);
    const claims = page.getByRole("list", { name: "Claims in document order" });
    await expect(claims.getByRole("button")).toHaveCount(1);
    await expect(claims.getByRole("button").first()).toContainText("Vladimir Putin");

    await page.reload();
    await expect(page.locator("mark.claim-mark")).toHaveText(PUTIN_QUOTE);
    // Clicking the words selects the claim in the list, and the list selects the words.
    await page.locator("mark.claim-mark").click();
    await expect(claims.getByRole("button").first()).toHaveAttribute("aria-current", "true");

    // A verdict, then an edit inside the words: the claim goes stale and says what changed.
    await claims.getByRole("button").first().press("Enter");
    const details = page.getByRole("form", { name: /Claim/ });
    // India TV prints all these words (split by "Putin said"), so it is proposed first.
    const suggestions = details.getByRole("list", { name: "Suggested passages, best first" });
    await expect(suggestions.getByRole("listitem").first()).toContainText("Same words, other forms");
    await expect(suggestions.getByRole("link").first()).toHaveText(/Junta with nuclear weapons/);
    await details.getByLabel("Verdict").selectOption("accurate");
    await details.getByLabel("Rationale").fill("India TV prints the same words.");
    await details.getByRole("button", { name: "Save claim" }).click();
    await expect(details.getByText("Claim saved.")).toBeVisible();

    await selectWords(page, "makes");
    await page.keyboard.type("gives");
    await expectSaved(page);
    await expect(claims.getByRole("button").first()).toContainText("Stale");
    await claims.getByRole("button").first().press("Enter");
    await expect(page.getByTestId("stale-detail")).toContainText(`Was: ${PUTIN_QUOTE}`);
    await expect(page.getByTestId("stale-detail")).toContainText("yet the West gives no criticism of it.");

    // Deleting the whole sentence orphans the claim; undo brings it back onto its words.
    await selectWords(page, `However, the Russian President adds, “${PUTIN_QUOTE.replace("makes", "gives")}”`);
    await page.keyboard.press("Backspace");
    await expectSaved(page);
    await expect(claims.getByRole("button").first()).toContainText("Orphaned");
    await expect(page.locator("mark.claim-mark")).toHaveCount(0);
    await editorBox(page).press("Control+z");
    await expectSaved(page);
    await expect(page.locator("mark.claim-mark")).toContainText("yet the West gives no criticism of it.");
    await expect(claims.getByRole("button").first()).toContainText("Stale");
    await expectNoAxeViolations(page);
  });

  test("two editors saving from the same version: the second gets a conflict and keeps their text", async ({
    page,
    browser,
  }) => {
    await signInAs(page, "editor");
    const article = await createArticleViaApi(page, [
      "The first paragraph of a shared article.",
      "The second paragraph.",
    ]);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInAs(otherPage, "admin");
    await Promise.all([page.goto(`/articles/${article.id}`), otherPage.goto(`/articles/${article.id}`)]);

    await selectWords(page, "first paragraph");
    await page.keyboard.type("opening paragraph by Edith");
    await expectSaved(page);

    await selectWords(otherPage, "second paragraph");
    await otherPage.keyboard.type("closing paragraph by Ada");
    const dialog = otherPage.getByRole("dialog", { name: "This article changed while you were editing" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Your unsaved text")).toHaveValue(/closing paragraph by Ada/);
    await expectNoAxeViolations(otherPage);

    const stored = await (await page.request.get(`/api/v1/articles/${article.id}`)).json();
    expect(stored.article.bodyText).toContain("opening paragraph by Edith");
    expect(stored.article.bodyText).not.toContain("closing paragraph by Ada");
    await dialog.getByRole("button", { name: "Reload the latest version" }).click();
    await expect(editorBox(otherPage)).toContainText("opening paragraph by Edith");
    await other.close();
  });

  test("a reviewer sees the article read-only and cannot change it through the API", async ({ page }) => {
    await signInAs(page, "reviewer");
    const list = await (await page.request.get("/api/v1/articles")).json();
    const article = list.articles[0];
    await page.goto(`/articles/${article.id}`);
    await expect(editorBox(page)).toHaveAttribute("contenteditable", "false");
    await expect(page.getByRole("button", { name: "Mark claim" })).toHaveCount(0);
    const patch = await page.request.patch(`/api/v1/articles/${article.id}`, {
      data: { version: article.version, title: "Reviewer was here" },
    });
    expect(patch.status()).toBe(403);
    const mark = await page.request.post(`/api/v1/articles/${article.id}/claims`, {
      data: { version: article.version, claim: { kind: "other" }, start: 0, end: 5 },
    });
    expect(mark.status()).toBe(403);
  });

  test("hostile HTML is cleaned on paste and a 5 MB paste is refused with a message", async ({ page }) => {
    await signInAs(page, "editor");
    const article = await createArticleViaApi(page, ["Paste target."]);
    await page.goto(`/articles/${article.id}`);
    await selectWords(page, "target");
    const html = `<p>Safe words <script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2"><a href="javascript:window.__pwned=3">bad link</a> <a href="https://example.org/ok" onclick="window.__pwned=4">good link</a><iframe src="https://example.org"></iframe><style>body{display:none}</style></p>`;
    const paste = (data: Record<string, string>) =>
      page.evaluate((d) => {
        const transfer = new DataTransfer();
        for (const [type, value] of Object.entries(d)) transfer.setData(type, value);
        document
          .querySelector('[aria-label="Article text"]')!
          .dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
      }, data);
    await paste({ "text/html": html, "text/plain": "Safe words bad link good link" });
    await expectSaved(page);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const stored = JSON.stringify(
      (await (await page.request.get(`/api/v1/articles/${article.id}`)).json()).article.body,
    );
    expect(stored).toContain("Safe words");
    expect(stored).toContain("https://example.org/ok");
    for (const bad of ["script", "onerror", "javascript:", "iframe", "__pwned", "display:none"])
      expect(stored).not.toContain(bad);

    // Markdown pasted as plain text keeps its structure.
    await selectWords(page, "Safe words");
    await paste({
      "text/plain": "## A pasted heading\n\nSome **bold** words and a [source](https://nsarchive.gwu.edu/).",
    });
    await expectSaved(page);
    await expect(editorBox(page).getByRole("heading", { name: "A pasted heading" })).toBeVisible();
    await expect(editorBox(page).locator("strong")).toHaveText("bold");
    await expect(editorBox(page).getByRole("link", { name: "source" })).toHaveAttribute(
      "href",
      "https://nsarchive.gwu.edu/",
    );

    await paste({ "text/plain": "x".repeat(5 * 1024 * 1024) });
    await expect(page.getByText(/the editor takes at most 1 million/)).toBeVisible();
  });

  test("an editor imports the scraped article, splits its glued paragraphs and creates it", async ({ page }) => {
    await signInAs(page, "editor");
    await page.goto("/articles/new");
    await expectNoAxeViolations(page);
    await page.getByLabel("Title", { exact: true }).fill("Scraped copy of the seed article");
    await page.getByLabel("Upload a .txt, .md or .html file").setInputFiles("prisma/demo/corpus/seed-article.raw.txt");
    await expect(page.getByRole("status")).toContainText("Loaded seed-article.raw.txt");
    await page.getByRole("button", { name: "Split glued paragraphs" }).click();
    await expect(page.getByRole("status")).toContainText("Split into 10 paragraphs");
    await page.getByRole("button", { name: "Create article" }).click();
    await expect(page).toHaveURL(/\/articles\/[^/]+$/);
    await expect(editorBox(page).locator("p")).toHaveCount(10);
    await expect(editorBox(page)).not.toContainText("Story continues below this ad");
  });

  test("a new claim is sent as its offsets when nothing is unsaved, with the body when edits are pending, and a stale version is a conflict", async ({
    page,
    browser,
  }) => {
    await signInAs(page, "editor");
    const article = await createArticleViaApi(page, [
      "Bush said the talks went well.",
      "Putin said the weather was cold.",
    ]);
    await page.goto(`/articles/${article.id}`);
    await expect(page.getByTestId("article-version")).toHaveText(`Version ${article.version}`);
    const sent: Record<string, unknown>[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().endsWith(`/api/v1/articles/${article.id}/claims`))
        sent.push(request.postDataJSON() as Record<string, unknown>);
    });
    const claims = page.getByRole("list", { name: "Claims in document order" });
    const mark = async (words: string) => {
      await selectWords(page, words);
      await page.keyboard.press("Control+Shift+M");
      await page.getByRole("form", { name: "New claim" }).getByRole("button", { name: "Save claim" }).click();
    };

    // Nothing unsaved: only the claim and where it is go to the server, which marks its copy.
    await mark("the talks went well");
    await expectSaved(page);
    expect(sent[0]).toMatchObject({
      version: article.version,
      start: 10,
      end: 29,
      exact: "the talks went well",
      claim: { kind: "other" },
    });
    expect(sent[0]).not.toHaveProperty("body");
    // The version shown follows the save, without reloading the page.
    await expect(page.getByTestId("article-version")).toHaveText(`Version ${article.version + 1}`);
    await expect(claims.getByRole("button")).toHaveCount(1);
    await expect(claims.getByRole("button").first()).toContainText("the talks went well");

    // An edit not yet saved, then a claim: both go in one request and both are kept.
    await selectWords(page, "cold");
    await page.keyboard.type("freezing");
    await mark("the weather was freezing");
    await expectSaved(page);
    expect(sent[1]).toHaveProperty("body");
    expect(sent[1]).not.toHaveProperty("start");
    await expect(claims.getByRole("button")).toHaveCount(2);
    await expect(claims.getByRole("button").nth(1)).toContainText("the weather was freezing");
    await page.reload();
    await expect(page.locator("mark.claim-mark")).toHaveText(["the talks went well", "the weather was freezing"]);

    // Someone else saves first: marking from the old version is refused, and the mark goes away.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInAs(otherPage, "admin");
    await otherPage.goto(`/articles/${article.id}`);
    await selectWords(otherPage, "Bush said");
    await otherPage.keyboard.type("George W. Bush said");
    await expectSaved(otherPage);
    await other.close();
    await mark("Putin said");
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "conflict");
    await expect(page.getByRole("form", { name: "New claim" }).getByRole("alert")).toContainText(
      "Someone saved this article after you loaded it",
    );
    await expect(page.locator("mark.claim-mark")).toHaveCount(2);
    const stored = (await (await page.request.get(`/api/v1/articles/${article.id}`)).json()) as {
      claims: unknown[];
      article: { bodyText: string };
    };
    expect(stored.claims).toHaveLength(2);
    expect(stored.article.bodyText).toContain("George W. Bush said");
  });
});
