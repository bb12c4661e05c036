// Marking a quote by hand suggests the speaker Check quotes gives the same words (speakerOfWords):
// reported speech and partial quotes included, named in full as the article names them.
import { expect, signInAs, test } from "./fixtures";
import { createArticleViaApi, selectWords } from "./editor-helpers";

test("the new-claim form suggests who said the words, as Check quotes does", async ({ page }) => {
  await signInAs(page, "editor");
  const article = await createArticleViaApi(page, [
    "US President George W Bush met Russian President Vladimir Putin in Slovenia.",
    "Bush tells Putin, according to transcripts, that he believes Russia is “part of the West and not an enemy”.",
    "Bush agreed that the finding was alarming, saying it made the US “nervous”.",
  ]);
  await page.goto(`/articles/${article.id}`);
  const form = page.getByRole("form", { name: "New claim" });
  for (const words of ["part of the West and not an enemy", "nervous"]) {
    await selectWords(page, words);
    await page.keyboard.press("Control+Shift+M");
    await expect(form.getByLabel("Speaker")).toHaveValue("George W Bush");
    await form.getByRole("button", { name: "Cancel" }).click();
  }
});
