// Issue 7's "Done when" on the demo workspace: evidence, quote checks, competing wordings, a
// verdict, review from the queue by keyboard, and a later edit that sends the claim back.
// Serial: each step builds on the last. The spec works on its own copy of the demo article's
// quote paragraph, so the editor spec's edits of the seed article cannot disturb it.
import { DEMO, expect, expectNoAxeViolations, signInAs, signInWithApi, test } from "./fixtures";
import { createArticleViaApi, expectSaved, PUTIN_QUOTE, selectWords } from "./editor-helpers";

test.describe.configure({ mode: "serial", timeout: 150_000 });

const INDIA_TV = /'Junta with nuclear weapons'/;
const WION = /Putin and Bush shared 'nervous' fears/;
const WION_WORDS =
  'I am concerned about Pakistan," he told Bush. "It is just a junta with nuclear weapons. It is no democracy, yet the West does not criticize it.';
const TITLE = `Review flow ${Date.now()}`;
let articleId = "";
let claimId = "";

test("the editor links the quote to India TV and WION, sees competing wordings and quote checks, judges and submits", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "editor");
  const article = await createArticleViaApi(
    page,
    [
      "Newly declassified documents show what the two presidents said.",
      `However, the Russian President adds, “${PUTIN_QUOTE}”`,
      "Bush answered in kind.",
    ],
    TITLE,
  );
  articleId = article.id;
  await page.goto(`/articles/${articleId}`);
  await selectWords(page, `“${PUTIN_QUOTE}”`);
  await page.keyboard.press("Control+Shift+M");
  const form = page.getByRole("form", { name: "New claim" });
  await form.getByLabel("Speaker").fill("Vladimir Putin");
  await form.getByRole("button", { name: "Save claim" }).click();
  await expectSaved(page);
  const claims = page.getByRole("list", { name: "Claims in document order" });
  await claims.getByRole("button").first().press("Enter");
  const details = page.getByRole("form", { name: /Claim/ });
  claimId = (await details.getAttribute("data-claim-id"))!;
  expect(claimId).toBeTruthy();

  // India TV, from the suggestions: the words selected with the mouse inside the passage.
  await details.getByRole("button", { name: INDIA_TV }).first().click();
  const picker = details.getByRole("form", { name: /Cite words from/ });
  const passage = picker.getByTestId("passage-text");
  await expect(passage).toContainText("makes no criticism of it");
  await passage.evaluate(
    (el, words) => {
      const text = el.textContent!;
      const start = text.indexOf(words[0]!);
      const end = text.indexOf(words[1]!) + words[1]!.length;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      while (walker.nextNode()) nodes.push(walker.currentNode as Text);
      const locate = (offset: number) => {
        let seen = 0;
        for (const node of nodes) {
          if (offset <= seen + node.data.length) return { node, offset: offset - seen };
          seen += node.data.length;
        }
        throw new Error("offset past the passage");
      };
      const range = document.createRange();
      const a = locate(start);
      const b = locate(end - 2); // inside "it": the selection snaps to whole words
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      el.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    },
    ["I am concerned", "criticism of it."],
  );
  await expect(picker.getByTestId("selected-words")).toHaveText(
    'Selected: I am concerned about Pakistan," Putin said. "It is just a junta with nuclear weapons. It is no democracy, yet the West makes no criticism of it',
  );
  await picker.getByRole("button", { name: "Save evidence" }).click();
  await expect(details.getByText(/Evidence from 'Junta with nuclear weapons'.* saved\./)).toBeVisible();
  await expect(details.getByRole("article", { name: INDIA_TV })).toBeVisible();

  // WION, from a search inside the panel: the words found by typing, adjusted by keyboard.
  await details.getByRole("button", { name: "Add evidence", expanded: false }).click();
  const search = details.getByRole("search", { name: "Search the sources for evidence" });
  await search.getByLabel("Search the sources").fill("does not criticize it");
  await search.getByRole("button", { name: "Search" }).click();
  await search.getByRole("button", { name: WION }).first().click();
  const wion = details.getByRole("form", { name: /Cite words from/ });
  await wion.getByLabel("Find words in this passage").fill(WION_WORDS);
  await wion.getByLabel("Find words in this passage").press("Enter");
  await expect(wion.getByTestId("selected-words")).toHaveText(`Selected: ${WION_WORDS}`);
  await wion.getByRole("button", { name: "End one word later" }).click();
  await expect(wion.getByTestId("selected-words")).toContainText("criticize it. Should");
  // Edges move from word to word: back one word ends after "it", without the full stop.
  await wion.getByRole("button", { name: "End one word earlier" }).click();
  await expect(wion.getByTestId("selected-words")).toHaveText(`Selected: ${WION_WORDS.slice(0, -1)}`);
  await wion.getByRole("button", { name: "Save evidence" }).click();
  await expect(details.getByText(/Evidence from Putin and Bush shared .* saved\./)).toBeVisible();

  // The quote checks: India TV differs by narration and punctuation only, each explained;
  // WION changed the words, and they are shown.
  const indiaCard = details.getByRole("article", { name: INDIA_TV });
  await expect(indiaCard.getByTestId("quote-check-result")).toHaveText(/Minor differences/);
  await expect(indiaCard.getByTestId("quote-notes")).toContainText("narration");
  await expect(indiaCard.getByTestId("quote-notes")).toContainText("Putin said");
  await expect(indiaCard.getByTestId("quote-notes")).toContainText("punctuation");
  await expect(
    indiaCard
      .getByTestId("word-comparison")
      .locator('[data-op]:not([data-op="equal"])')
      .filter({ hasText: "criticism" }),
  ).toHaveCount(0);
  const wionCard = details.getByRole("article", { name: WION });
  await expect(wionCard.getByTestId("quote-check-result")).toHaveText(/Altered/);
  await expect(wionCard.getByTestId("quote-differences")).toContainText("makes no criticism of");
  await expect(wionCard.getByTestId("quote-differences")).toContainText("does not criticize");
  await expect(wionCard.getByTestId("word-comparison")).toContainText("does not criticize");

  // WION was linked as support; the editor changes it to "contradicts" with a note, in place.
  await wionCard
    .getByRole("button", { name: /^Change relation or note of evidence from Putin and Bush shared/ })
    .click();
  const change = wionCard.getByRole("form", { name: /Change evidence from/ });
  await change.getByRole("radio", { name: "Contradicts" }).check();
  await change.getByLabel("Note (optional)").fill("WION words the end of the quote differently.");
  await change.getByRole("button", { name: "Save change" }).click();
  await expect(details.getByText(/Evidence from Putin and Bush shared .* changed\./)).toBeVisible();
  await expect(details.getByRole("article", { name: WION })).toContainText("Contradicts");
  await expect(details.getByRole("article", { name: WION })).toContainText(
    "WION words the end of the quote differently.",
  );

  // The sources disagree, side by side; "accurate" is refused until a primary source is linked.
  const competing = details.getByTestId("competing-wordings");
  await expect(competing.getByRole("listitem")).toHaveCount(2);
  await expect(competing).toContainText("makes no criticism of it");
  await expect(competing).toContainText("does not criticize it");
  await expect(details.getByTestId("accurate-blocked")).toContainText("primary source");
  await details.getByLabel("Verdict", { exact: true }).selectOption("accurate");
  await expect(details.getByTestId("rationale-rule")).toHaveText("Optional for “Accurate”.");
  await details.getByRole("button", { name: "Save claim" }).click();
  await expect(details.getByRole("alert").filter({ hasText: "primary source" })).toBeVisible();

  await details.getByLabel("Verdict", { exact: true }).selectOption({ label: "Accurate but needs context" });
  await expect(details.getByTestId("rationale-rule")).toContainText("Required for “Accurate but needs context”");
  await details
    .getByLabel("Rationale")
    .fill(
      "Two secondary reports word the end of the quote differently; the primary memcon of 16 June 2001 is not in the library.",
    );
  await details.getByRole("button", { name: "Save claim" }).click();
  await expect(details.getByText("Claim saved.")).toBeVisible();

  // A comment that mentions the reviewer, completed from the listbox by keyboard.
  const comment = details.getByLabel("Add a comment");
  await comment.fill("Please check the wording, @Rhy");
  await comment.press("End");
  await expect(
    page.getByRole("listbox", { name: "People to mention" }).getByRole("option", { name: "Rhys Reviewer" }),
  ).toBeVisible();
  await comment.press("Enter");
  await expect(comment).toHaveValue("Please check the wording, @Rhys Reviewer ");
  await details.getByRole("button", { name: "Post comment" }).click();
  await expect(details.getByText(/Rhys Reviewer will see it in their mentions/)).toBeVisible();

  await details.getByRole("button", { name: "Submit for review" }).click();
  await expect(details.getByRole("heading", { name: "Claim · In review" })).toBeVisible();
  await expect(details.getByTestId("verdict-locked")).toContainText("withdraw");
  await expect(details.getByLabel("Verdict", { exact: true })).toBeDisabled();
  await expectNoAxeViolations(page);
});

test("nobody reviews their own work, and roles without the right cannot link evidence or judge", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signInAs(page, "editor");
  await page.goto(`/review/${claimId}`);
  await expect(page.getByTestId("review-blocked")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve" })).toBeDisabled();
  const claim = (await (await page.request.get(`/api/v1/claims/${claimId}/dossier`)).json()).claim;
  const own = await page.request.post(`/api/v1/claims/${claimId}/reviews`, {
    data: { version: claim.version, decision: "approve" },
  });
  expect(own.status()).toBe(403);

  const passage = (
    await (await page.request.get(`/api/v1/search?q=${encodeURIComponent("junta with nuclear weapons")}`)).json()
  ).results[0];
  const reviewer = await playwright.request.newContext({ baseURL });
  expect((await signInWithApi(reviewer, DEMO.reviewer.email, DEMO.reviewer.password)).ok).toBe(true);
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const [who, context, status] of [
    ["reviewer", reviewer, 403],
    ["signed out", anonymous, 401],
  ] as const) {
    const link = await context.post(`/api/v1/claims/${claimId}/evidence`, {
      data: { passageId: passage.passageId, relation: "supports" },
    });
    expect(link.status(), `${who} links evidence`).toBe(status);
    const judge = await context.patch(`/api/v1/claims/${claimId}`, {
      data: { version: claim.version, verdictKey: "false", rationale: "No." },
    });
    expect(judge.status(), `${who} sets a verdict`).toBe(status);
  }
  await reviewer.dispose();
  await anonymous.dispose();
});

test("the reviewer works the queue by keyboard: a request without a comment is refused, then approves", async ({
  page,
}) => {
  await signInAs(page, "reviewer");
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "Review queue" })).toBeVisible();
  await page.getByLabel("Article", { exact: true }).selectOption({ label: TITLE });
  const queue = page.getByRole("list", { name: "Claims waiting for review, oldest first" });
  await expect(queue.getByRole("link")).toHaveCount(1);
  await expect(queue.getByRole("link")).toContainText("makes no criticism of it");
  await expectNoAxeViolations(page);
  // From the last filter, Tab reaches the list; j/k move in it (one item here), Enter opens.
  await page.getByLabel("Editor", { exact: true }).press("Tab");
  await expect(queue.getByRole("link").first()).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  await expect(queue.getByRole("link").first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/review/${claimId}$`));
  await expect(page.getByRole("heading", { name: /Review: Quote claim/ })).toBeVisible();
  await expect(page.getByTestId("claim-words")).toContainText(PUTIN_QUOTE);
  await expect(page.getByTestId("review-rationale")).toContainText("primary memcon");
  await expect(page.getByTestId("competing-wordings")).toBeVisible();
  await expect(page.getByTestId("quote-check")).toHaveCount(2);
  await expect(page.getByRole("list", { name: "Claim history" })).toContainText("submitted it for review");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Request changes" }).click();
  await expect(page.getByTestId("review-message")).toHaveText("Say what needs to change: a comment is required.");
  await expect(page.getByLabel(/Comment for the editor/)).toBeFocused();
  // Shortcuts never fire in a text field: an "a" typed here is just a letter.
  await page.keyboard.type("a");
  await expect(page.getByLabel(/Comment for the editor/)).toHaveValue("a");
  await page.getByLabel(/Comment for the editor/).fill("");
  await page.keyboard.press("Tab");
  await page.keyboard.press("a");
  await expect(page.getByTestId("review-message")).toHaveText("Approved.");
  await expect(page.getByRole("heading", { name: /Review: Quote claim/ })).toContainText("Approved");

  await page.goto("/mentions");
  await expect(page.getByRole("list", { name: "Comments that mention you, newest first" })).toContainText(
    "Please check the wording, @Rhys Reviewer",
  );
  await expectNoAxeViolations(page);
});

test("the editor changes a word of the quote: the claim is stale, looks it, and is back in the queue", async ({
  page,
  browser,
}) => {
  await signInAs(page, "editor");
  await page.goto(`/articles/${articleId}`);
  await selectWords(page, "makes");
  await page.keyboard.type("gives");
  await expectSaved(page);
  const claims = page.getByRole("list", { name: "Claims in document order" });
  await expect(claims.getByRole("button").first()).toContainText("Stale");
  const mark = page.locator(`mark.claim-mark[data-claim-id="${claimId}"]`);
  await expect(mark).toHaveCSS("border-bottom-style", "dashed");
  await expect(page.getByTestId("claim-at-cursor")).toContainText("Stale claim: its words or evidence changed");
  await claims.getByRole("button").first().press("Enter");
  await expect(page.getByTestId("stale-detail")).toContainText("yet the West gives no criticism of it.");
  await expect(page.getByRole("button", { name: "Still holds" })).toBeVisible();

  const other = await browser.newContext();
  const reviewer = await other.newPage();
  await signInAs(reviewer, "reviewer");
  await reviewer.goto("/review");
  await reviewer.getByLabel("Article", { exact: true }).selectOption({ label: TITLE });
  const item = reviewer.getByRole("list", { name: "Claims waiting for review, oldest first" }).getByRole("link");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Stale");
  await expect(item).toContainText("gives no criticism");
  await item.click();
  await expect(reviewer.getByTestId("stale-detail")).toContainText("Was: I am concerned");
  await other.close();
});
