// The browser half of the editor benchmark: the production build served by `next start`,
// driven in Chromium (Debian's when present), timed with the page's own clock.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { NEXT_BIN } from "../runtime.ts";
import { PROJECT_ROOT } from "../db/database.ts";

const PORT = Number(process.env.BENCH_PORT ?? 3300);

async function waitFor(url: string, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export async function measureInBrowser(options: { databaseUrl: string; articleId: string; email: string; password: string }) {
  const base = `http://localhost:${PORT}`;
  const server = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(PORT)], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: options.databaseUrl, NEXTAUTH_SECRET: "bench-only-secret-0123456789abcdef", NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
  const browser = await chromium.launch({ executablePath, args: executablePath ? ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"] : [] });
  try {
    await waitFor(`${base}/api/health`, 60_000);
    const context = await browser.newContext({ baseURL: base });
    const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await context.request.post("/api/auth/callback/credentials", { form: { csrfToken, email: options.email, password: options.password, json: "true" } });
    const page = await context.newPage();
    // Warm the route once so the figure is the editor, not the server's first compile of the page.
    await page.goto(`/articles/${options.articleId}`);
    await page.locator("mark.claim-mark").first().waitFor();
    const opens: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = Date.now();
      await page.goto(`/articles/${options.articleId}`);
      await page.waitForFunction(() => new Set([...document.querySelectorAll("mark.claim-mark")].map((m) => m.getAttribute("data-claim-id"))).size >= 1000);
      opens.push(Date.now() - t);
    }
    // Select a word in the last paragraph, then time the shortcut until the new mark is drawn.
    const box = page.getByRole("textbox", { name: "Article text" });
    await box.click();
    await page.evaluate(() => {
      const paragraphs = document.querySelectorAll('[aria-label="Article text"] p');
      const last = paragraphs[paragraphs.length - 1]!;
      const walker = document.createTreeWalker(last, NodeFilter.SHOW_TEXT);
      const node = walker.nextNode() as Text;
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, Math.min(12, node.data.length));
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.waitForTimeout(200);
    await page.keyboard.press("Control+Shift+M");
    const form = page.getByRole("form", { name: "New claim" });
    await form.waitFor();
    const before = await page.locator("mark.claim-mark").count();
    const markMs = await page.evaluate(async (count) => {
      const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Save claim")!;
      const t = performance.now();
      button.click();
      while (document.querySelectorAll("mark.claim-mark").length <= count) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t;
    }, before);
    const t = Date.now();
    await page.getByTestId("save-status").and(page.locator('[data-status="saved"]')).waitFor({ timeout: 30_000 });
    const markSavedMs = markMs + (Date.now() - t);
    return { openMs: opens.sort((a, b) => a - b)[1]!, markMs, markSavedMs };
  } finally {
    await browser.close();
    server.kill("SIGTERM");
  }
}
