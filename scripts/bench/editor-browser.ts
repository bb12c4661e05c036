// The browser half of the editor benchmark: the production build served by `next start`,
// driven in Chromium (Debian's when present), timed with the page's own clock.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { NEXT_BIN } from "../runtime.ts";
import { keystrokeWork, type TraceEvent } from "./main-thread.ts";
import { PROJECT_ROOT } from "../db/database.ts";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
/** Claims marked and saved one after another; the figure is their median. */
const MARKS = 5;
/** Characters typed with the side panel open, one keystroke every TYPE_DELAY_MS. */
const TYPED = "Independent analysts said the figures were revised twice";
const TYPE_DELAY_MS = 60;

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

export type BrowserFigures = {
  openMs: number;
  markMs: number;
  markSavedMs: number;
  /** What the browser sent to save one new claim: requests and request body bytes. */
  markRequests: { requestMs: number; count: number; bytes: number; urls: string[] };
  keystrokes: number;
  /** Main-thread work per keystroke, from the trace: median, p95 and the slowest. */
  keystrokeMedianMs: number;
  keystrokeP95Ms: number;
  keystrokeMaxMs: number;
  /** The median of the task that handled the keystroke's events, and of the rest (its frame, tasks it queued). */
  keystrokeSplit: { eventTaskMedianMs: number; restMedianMs: number };
  /** keydown → the end of the frame that shows it, by the page's clock: work plus waiting for the frame. */
  keystrokeLatencyMedianMs: number;
  keystrokeLatencyP95Ms: number;
  longTasksWhileTyping: number;
  autosaveMs: number;
  autosaveBytes: number;
};

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

/** Puts the DOM selection on `length` characters at the start of paragraph `index` (negative: from the end). */
async function selectInParagraph(page: Page, index: number, length: number) {
  await page.evaluate(
    ([i, n]) => {
      const paragraphs = document.querySelectorAll('[aria-label="Article text"] p');
      const p = paragraphs[i! < 0 ? paragraphs.length + i! : i!]!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const node = walker.nextNode() as Text;
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, Math.min(n!, node.data.length));
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    },
    [index, length],
  );
  await page.waitForTimeout(150);
}

/**
 * Types into the middle of the article with the side panel open. Each keystroke's work is the
 * main thread's busy time from the task that handled its keydown until the next keystroke: its
 * events (ProseMirror, React), the frame that shows it (style, layout, paint) and any task it
 * queued. It is read from the browser's trace (scripts/bench/main-thread.ts, decision 0014); the
 * page's own clock gives the latency, keydown → the end of the frame that shows it, which also
 * holds the wait for that frame to begin.
 */
async function measureTyping(page: Page) {
  await selectInParagraph(page, 100, 0);
  await page.evaluate(() => {
    type Key = { down: number; frameEnd?: number };
    const w = window as unknown as { __keys: Key[]; __longTasks: number };
    w.__keys = [];
    w.__longTasks = 0;
    new PerformanceObserver((list) => (w.__longTasks += list.getEntries().length)).observe({ type: "longtask" });
    const after = (fn: () => void) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = fn;
      channel.port2.postMessage(null);
    };
    window.addEventListener("keydown", (event) => void w.__keys.push({ down: event.timeStamp }), { capture: true });
    // The input event is the last of a keystroke's events; the first frame after it shows it.
    window.addEventListener(
      "input",
      () => {
        const key = w.__keys[w.__keys.length - 1];
        if (!key || key.frameEnd !== undefined) return;
        requestAnimationFrame(() => after(() => (key.frameEnd = performance.now())));
      },
      { capture: true },
    );
  });
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  await page.keyboard.type(TYPED, { delay: TYPE_DELAY_MS });
  await page.waitForTimeout(200);
  const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: TraceEvent[] };
  const inPage = await page.evaluate(() => {
    type Key = { down: number; frameEnd?: number };
    const w = window as unknown as { __keys: Key[]; __longTasks: number };
    return {
      count: w.__keys.length,
      latency: w.__keys.filter((k) => k.frameEnd !== undefined).map((k) => k.frameEnd! - k.down),
      longTasks: w.__longTasks,
    };
  });
  return { ...inPage, ...keystrokeWork(trace.traceEvents) };
}

/** Marks a claim on the first words of paragraph `index`: [select → mark shown, select → claim saved and listed with its server state]. */
async function markOneClaim(page: Page, index: number): Promise<[number, number]> {
  await selectInParagraph(page, index, 14);
  await page.keyboard.press("Control+Shift+M");
  await page.getByRole("form", { name: "New claim" }).waitFor();
  return page.evaluate(async () => {
    const ids = () =>
      new Set([...document.querySelectorAll("mark.claim-mark")].map((m) => m.getAttribute("data-claim-id")));
    const before = ids();
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Save claim")!;
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const t = performance.now();
    button.click();
    let id: string | null = null;
    while (!id) {
      id = [...ids()].find((x) => !before.has(x)) ?? null;
      if (!id) await frame();
    }
    const marked = performance.now() - t;
    // Saved and shown with its server state: its row in the side panel (the list holds claims
    // as the server answered them) and the save status back to "saved".
    const saved = () =>
      document.querySelector(`[aria-label="Claims in document order"] button[data-claim="${id}"]`) &&
      document.querySelector('[data-testid="save-status"][data-status="saved"]');
    while (!saved()) await frame();
    return [marked, performance.now() - t] as [number, number];
  });
}

export async function measureInBrowser(options: {
  databaseUrl: string;
  articleId: string;
  email: string;
  password: string;
  claims: number;
}): Promise<BrowserFigures> {
  const base = `http://localhost:${PORT}`;
  const server = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(PORT)], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: "bench-only-secret-0123456789abcdef",
      NEXTAUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
  const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
  const browser = await chromium.launch({
    executablePath,
    args: executablePath
      ? [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--no-first-run",
          "--disable-sync",
        ]
      : [],
  });
  try {
    await waitFor(`${base}/api/health`, 60_000);
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1400, height: 900 } });
    const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await context.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: options.email, password: options.password, json: "true" },
    });
    // tsx keeps function names with a helper, __name, that the page does not have.
    await context.addInitScript("globalThis.__name = (f) => f");
    const page = await context.newPage();
    // Warm the route once so the figure is the editor, not the server's first compile of the page.
    await page.goto(`/articles/${options.articleId}`);
    await page.locator("mark.claim-mark").first().waitFor();
    const opens: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = Date.now();
      await page.goto(`/articles/${options.articleId}`);
      await page.waitForFunction(
        (n) =>
          new Set([...document.querySelectorAll("mark.claim-mark")].map((m) => m.getAttribute("data-claim-id"))).size >=
          n,
        options.claims,
      );
      opens.push(Date.now() - t);
    }
    const box = page.getByRole("textbox", { name: "Article text" });
    await box.click();
    // The side panel (the claims list beside the article) is open and full while typing.
    await page.getByRole("list", { name: "Claims in document order" }).waitFor();

    const requests: { method: string; url: string; bytes: number; ms: number }[] = [];
    page.on("requestfinished", (request) => {
      if (!request.url().includes("/api/v1/")) return;
      const timing = request.timing();
      requests.push({
        method: request.method(),
        url: new URL(request.url()).pathname.replace(/\/articles\/[^/]+/, "/articles/{id}"),
        bytes: Buffer.byteLength(request.postData() ?? ""),
        ms: timing.responseEnd,
      });
    });

    const typing = await measureTyping(page);
    // The autosave of that typing: debounced, then one PATCH; timed from request start to answer.
    await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(200);
    const autosave = requests.find((r) => r.method === "PATCH");

    const marks: [number, number][] = [];
    requests.length = 0;
    for (let i = 0; i < MARKS; i++) marks.push(await markOneClaim(page, -1 - i * 3));
    await page.waitForTimeout(200);
    const perMark = requests.length / MARKS;
    return {
      openMs: quantile(opens, 0.5),
      markMs: quantile(
        marks.map((m) => m[0]),
        0.5,
      ),
      markSavedMs: quantile(
        marks.map((m) => m[1]),
        0.5,
      ),
      markRequests: {
        requestMs: quantile(
          requests.map((r) => r.ms),
          0.5,
        ),
        count: perMark,
        bytes: Math.round(requests.reduce((a, r) => a + r.bytes, 0) / MARKS),
        urls: [...new Set(requests.map((r) => `${r.method} ${r.url}`))],
      },
      keystrokes: typing.busyMs.length,
      keystrokeMedianMs: quantile(typing.busyMs, 0.5),
      keystrokeP95Ms: quantile(typing.busyMs, 0.95),
      keystrokeMaxMs: Math.max(...typing.busyMs),
      keystrokeSplit: {
        eventTaskMedianMs: quantile(typing.eventTaskMs, 0.5),
        restMedianMs: quantile(
          typing.busyMs.map((b, i) => b - typing.eventTaskMs[i]!),
          0.5,
        ),
      },
      keystrokeLatencyMedianMs: quantile(typing.latency, 0.5),
      keystrokeLatencyP95Ms: quantile(typing.latency, 0.95),
      longTasksWhileTyping: typing.longTasks,
      autosaveMs: autosave?.ms ?? NaN,
      autosaveBytes: autosave?.bytes ?? NaN,
    };
  } finally {
    await browser.close();
    server.kill("SIGTERM");
  }
}
