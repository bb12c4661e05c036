// Cut, copy and paste around claims: a cut claim pasted back moves (same row, same id); a copy of
// marked words never clones the claim, whose id belongs to one row.
import { expect, signInAs, test } from "./fixtures";
import { createArticleViaApi, editorBox, expectSaved, selectWords } from "./editor-helpers";

test("cutting a marked quote and pasting it moves the claim; a copy never clones it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(page, "editor");
  const article = await createArticleViaApi(page, ["He said the quoted words today.", "Later paragraph:"]);
  await page.goto(`/articles/${article.id}`);
  await selectWords(page, "quoted words");
  await page.keyboard.press("Control+Shift+M");
  await page.getByRole("form", { name: "New claim" }).getByRole("button", { name: "Save claim" }).click();
  await expectSaved(page);
  const marks = editorBox(page).locator("mark.claim-mark");
  await expect(marks).toHaveText("quoted words");

  await selectWords(page, "quoted words");
  await page.keyboard.press("Control+X");
  await expect(marks).toHaveCount(0);
  await selectWords(page, "paragraph:");
  await page.keyboard.press("End");
  await page.keyboard.press("Control+V");
  await expect(marks).toHaveText("quoted words");
  await expectSaved(page);
  const claims = page.getByRole("list", { name: "Claims in document order" });
  await expect(claims.getByRole("button")).toHaveCount(1);
  await expect(claims.getByRole("button").first()).not.toContainText("Orphaned");

  await selectWords(page, "quoted words");
  await page.keyboard.press("Control+C");
  await selectWords(page, "today.");
  await page.keyboard.press("End");
  await page.keyboard.press("Control+V");
  await expectSaved(page);
  await expect(editorBox(page)).toContainText("today.quoted words");
  await expect(marks).toHaveCount(1);
  await expect(claims.getByRole("button")).toHaveCount(1);
});
