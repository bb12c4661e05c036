import { expect, type Page } from "@playwright/test";

export const PUTIN_QUOTE =
  "I am concerned about Pakistan. It is just a junta with nuclear weapons. It is no democracy, yet the West makes no criticism of it.";

export const editorBox = (page: Page) => page.getByRole("textbox", { name: "Article text" });

/** Selects `words` inside the editor the way a mouse drag would: a DOM selection ProseMirror reads. */
export async function selectWords(page: Page, words: string, occurrence = 0) {
  await editorBox(page).click();
  const found = await page.evaluate(
    ({ words, occurrence }) => {
      const root = document.querySelector('[aria-label="Article text"]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      while (walker.nextNode()) nodes.push(walker.currentNode as Text);
      const whole = nodes.map((n) => n.data).join("");
      let at = -1;
      for (let i = 0; i <= occurrence; i++) at = whole.indexOf(words, at + 1);
      if (at < 0) return false;
      const locate = (offset: number) => {
        let seen = 0;
        for (const node of nodes) {
          if (offset <= seen + node.data.length) return { node, offset: offset - seen };
          seen += node.data.length;
        }
        throw new Error("offset past the text");
      };
      const start = locate(at);
      const end = locate(at + words.length);
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    },
    { words, occurrence },
  );
  expect(found, `"${words}" is in the editor`).toBe(true);
  // ProseMirror picks up DOM selection changes on the next selectionchange tick.
  await page.waitForTimeout(100);
}

export async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", { timeout: 15_000 });
}

export async function createArticleViaApi(
  page: Page,
  paragraphs: string[],
  title = `E2E article ${Date.now()}-${Math.random().toString(36).slice(2, 7)}`,
) {
  const response = await page.request.post("/api/v1/articles", {
    data: {
      title,
      body: {
        type: "doc",
        content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
      },
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { article: { id: string; version: number } }).article;
}
