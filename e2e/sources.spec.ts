import { randomUUID } from "node:crypto";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { makePdf } from "./fixtures/make-pdf";

const marker = () => `zq${randomUUID().slice(0, 8)}`;

async function importFile(
  page: import("@playwright/test").Page,
  file: { name: string; mimeType: string; buffer: Buffer },
  title: string,
  kind = "transcript",
) {
  await page.goto("/sources/import");
  await page.getByLabel(/^File/).setInputFiles(file);
  await page.getByLabel("Title (required)").fill(title);
  await page.getByLabel("Kind (required)").selectOption(kind);
  await page.getByLabel(/Primary source/).check();
  await page.getByLabel("Reliability note").fill("Typed up from the recording; not checked against it.");
  await page.getByRole("button", { name: "Import", exact: true }).click();
}

test.describe("sources, as an editor", () => {
  test.beforeEach(async ({ page }) => signInAs(page, "editor"));

  test("uploads a text file, sees progress and passages, fixes a split, searches and opens the result", async ({
    page,
  }) => {
    const word = marker();
    const text = `10:10 A.M.\n\nPRESIDENT PUTIN: Welcome to Sochi. The ${word} talks went well. Second thoughts came later.\n\nPRESIDENT BUSH: Thank you, Vladimir. We criticise nobody.\n`;
    await page.goto("/sources/import");
    await expect(page.getByRole("heading", { name: "Import a source" })).toBeVisible();
    await expectNoAxeViolations(page);
    await importFile(
      page,
      { name: `remarks-${word}.txt`, mimeType: "text/plain", buffer: Buffer.from(text) },
      `Sochi remarks ${word}`,
    );
    await expect(page.getByRole("status").filter({ hasText: "Imported" })).toContainText("3 passages");
    await expect(page.getByLabel("Upload progress")).toHaveAttribute("value", "100");
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Open the source and check its passages" }).click();
    await expect(page.getByRole("heading", { name: `Sochi remarks ${word}` })).toBeVisible();
    await expect(page.getByRole("heading", { name: "3 passages" })).toBeVisible();
    await expect(page.getByLabel("Reliability note")).toContainText("Typed up from the recording");
    const passages = page.getByRole("list", { name: "Passages" }).getByRole("listitem");
    await expect(passages.nth(1)).toContainText("PRESIDENT PUTIN");
    await expect(passages.nth(2)).toContainText("PRESIDENT BUSH");
    await expectNoAxeViolations(page);

    // Fix the split: passage 2 becomes two passages at "Second thoughts".
    await page.getByRole("button", { name: "Split passage 2…" }).click();
    const area = page.getByLabel("Put the cursor where passage 2 should split");
    await area.evaluate((el: HTMLTextAreaElement) => {
      const at = el.value.indexOf("Second thoughts");
      el.focus();
      el.setSelectionRange(at, at);
    });
    await page.getByRole("button", { name: "Split at the cursor" }).click();
    await expect(page.getByRole("heading", { name: "4 passages" })).toBeVisible();
    await expect(passages.nth(2)).toContainText("Second thoughts came later.");
    await expect(passages.nth(2)).toContainText("PRESIDENT PUTIN");

    // Search for the British spelling; the passage has it, and the result opens at its passage.
    await page.goto("/sources");
    await page.getByLabel("Search all passages").fill(`${word} talks`);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.getByRole("heading", { name: `Passages matching “${word} talks”` })).toBeVisible();
    const result = page.getByRole("list", { name: "Search results" }).getByRole("listitem").first();
    await expect(result.locator("mark")).toHaveText(`${word} talks`);
    await expect(result).toContainText("Exact phrase");
    await expectNoAxeViolations(page);
    await result.getByRole("link", { name: `Sochi remarks ${word}` }).click();
    await expect(page).toHaveURL(/\/sources\/[^#]+#passage-/);
    const target = page.locator(`[id="${new URL(page.url()).hash.slice(1)}"]`);
    await expect(target).toContainText(`The ${word} talks went well.`);
    await expect(target).toBeInViewport();
    await expect(target.locator("mark")).toHaveText(`${word} talks`);
    await expect(page.locator(":target")).toHaveCount(1);
  });

  test("uploads a PDF and sees its passages; a scan without text asks for OCR", async ({ page }) => {
    const word = marker();
    const pdf = makePdf([
      [`PRESIDENT BUSH: Pakistan's nucle-`, `ar program worries us, ${word}.`],
      [`PRESIDENT PUTIN: I agree about ${word}.`],
    ]);
    await importFile(
      page,
      { name: `memo-${word}.pdf`, mimeType: "application/pdf", buffer: Buffer.from(pdf) },
      `Memo ${word}`,
      "memcon",
    );
    await expect(page.getByRole("status").filter({ hasText: "Imported" })).toContainText("2 passages");
    await page.getByRole("link", { name: "Open the source and check its passages" }).click();
    await expect(page.getByText(`Pakistan's nuclear program worries us, ${word}.`)).toBeVisible();

    await importFile(
      page,
      { name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from(makePdf([[]])) },
      `Scan ${word}`,
    );
    await expect(page.getByRole("alert").filter({ hasText: "needs OCR" })).toBeVisible();
  });

  test("a re-import of the same file is offered as a new version, never a silent duplicate", async ({ page }) => {
    const word = marker();
    const file = { name: `notes-${word}.txt`, mimeType: "text/plain", buffer: Buffer.from(`Notes about ${word}.`) };
    await importFile(page, file, `Notes ${word}`);
    await expect(page.getByRole("status").filter({ hasText: "Imported" })).toBeVisible();
    await importFile(page, file, `Notes again ${word}`);
    await expect(page.getByRole("alert").filter({ hasText: "already imported" })).toBeVisible();
    await page.getByRole("button", { name: "Import as a new version" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Imported" })).toBeVisible();
  });

  test("the demo sources read right: speaker turns, the OCR memcon found through its noise", async ({ page }) => {
    await page.goto("/sources/whitehouse-2008-04-06-remarks");
    await expect(page.getByRole("list", { name: "Passages" })).toContainText("PRESIDENT BUSH");
    await page.goto("/sources?q=I+believe+this+is+a+good+idea");
    const memcon = page
      .getByRole("listitem")
      .filter({ hasText: "Memorandum of Conversation. Subject: Meeting with President of Russia" });
    await expect(memcon).toContainText("Near match");
    await expect(memcon).toContainText("not a verbatim transcript");
    await page.goto("/sources?q=Sochi&speaker=Putin");
    const results = page.getByRole("list", { name: "Search results" }).getByRole("listitem");
    await expect(results.first()).toContainText("PRESIDENT PUTIN");
    for (const item of await results.all()) await expect(item).toContainText("PRESIDENT PUTIN");
  });

  test("the API imports JSON and explains bad input", async ({ page }) => {
    const ok = await page.request.post("/api/v1/sources", {
      data: { title: `API ${marker()}`, kind: "report", primary: false, text: `Report text ${marker()}.` },
    });
    expect(ok.status()).toBe(201);
    const bad = await page.request.post("/api/v1/sources", {
      data: { title: "", kind: "poem", primary: "yes", text: "" },
    });
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error.message).toBeTruthy();
    const search = await page.request.get("/api/v1/search?q=junta");
    expect(search.status()).toBe(200);
    expect((await search.json()).results.length).toBeGreaterThan(0);
  });
});

test.describe("sources, as a reviewer", () => {
  test.beforeEach(async ({ page }) => signInAs(page, "reviewer"));

  test("reads and searches, but cannot import or fix passages", async ({ page }) => {
    await page.goto("/sources");
    await expect(page.getByRole("link", { name: "Import a source" })).toHaveCount(0);
    await expectNoAxeViolations(page);
    const response = await page.goto("/sources/import");
    expect(response?.status()).toBe(403);
    await page.goto("/sources/nsarchive-2008-04-06-sochi-memcon");
    await expect(page.getByLabel("Reliability note")).toContainText("not a verbatim transcript");
    await expect(page.getByRole("button", { name: /Split passage/ })).toHaveCount(0);
    await expectNoAxeViolations(page);

    const source = (await (await page.request.get("/api/v1/sources/nsarchive-2008-04-06-sochi-memcon")).json()).source;
    const passageId = source.passages[0].id;
    expect((await page.request.post(`/api/v1/passages/${passageId}/merge`)).status()).toBe(403);
    expect((await page.request.post(`/api/v1/passages/${passageId}/split`, { data: { at: 5 } })).status()).toBe(403);
    expect((await page.request.patch(`/api/v1/passages/${passageId}`, { data: { speaker: "X" } })).status()).toBe(403);
    const upload = await page.request.post("/api/v1/sources/import", {
      multipart: { title: "No", kind: "report", text: "Words." },
    });
    expect(upload.status()).toBe(403);
    expect((await page.request.get("/api/v1/search?q=Pakistan")).status()).toBe(200);
  });
});
