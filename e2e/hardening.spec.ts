// Issue 9's defects, one test each, against the production build.
import { randomUUID } from "node:crypto";
import http from "node:http";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { DEMO, expect, signInAs, signInWithApi, test } from "./fixtures";
import { FuzzDatabase } from "./fuzz/database";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
const STACK = /^\s*at .*\.(?:js|mjs|cjs|ts|tsx):\d+:\d+\)?\s*$/m;

/** A fresh editor, so that "nothing written" can be checked while other specs write. */
async function freshEditor(): Promise<{ context: APIRequestContext; id: string }> {
  const admin = await playwrightRequest.newContext({ baseURL: BASE_URL });
  expect((await signInWithApi(admin, DEMO.admin.email, DEMO.admin.password)).ok).toBe(true);
  const email = `hardening-${randomUUID().slice(0, 8)}@sourcemark.test`;
  const password = `hardening ${randomUUID()}`;
  const created = await admin.post("/api/v1/users", {
    data: { email, name: "Hardening Editor", role: "editor", password },
  });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { user: { id: string } }).user.id;
  await admin.dispose();
  const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
  expect((await signInWithApi(context, email, password)).ok).toBe(true);
  return { context, id };
}

const doc = (text: string, marks?: unknown[]) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text, ...(marks ? { marks } : {}) }] }],
});

test("defect 4: hostile values are 4xx answers that say why, never 500s, and write nothing", async () => {
  test.setTimeout(90_000);
  const { context, id } = await freshEditor();
  const db = new FuzzDatabase();
  await db.connect();
  const created = await context.post("/api/v1/articles", {
    data: { title: "Hostile target", body: doc("Some words.") },
  });
  const article = (await created.json()).article;
  const source = (
    await (
      await context.post("/api/v1/sources", {
        data: {
          title: "Hostile source",
          kind: "report",
          primary: false,
          text: `PUTIN: one ${randomUUID()}.\n\nBUSH: two.`,
        },
      })
    ).json()
  ).source;
  const nested = JSON.parse(
    `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(1500)}{"type":"paragraph"}${"]}".repeat(1500)}]}`,
  ) as unknown;
  const json = (data: unknown) => ({ headers: { "content-type": "application/json" }, data: JSON.stringify(data) });
  const cases: { method: string; url: string; body?: { headers: Record<string, string>; data: string | Buffer } }[] = [
    { method: "GET", url: "/api/v1/articles/%00" },
    { method: "GET", url: "/api/v1/articles/%FF%FE" },
    { method: "GET", url: "/api/v1/claims/a%00b" },
    { method: "GET", url: "/api/v1/passages/%00" },
    { method: "GET", url: "/api/v1/sources/%00" },
    { method: "GET", url: `/api/v1/sources/${source.id}?from=99999999999` },
    { method: "GET", url: "/api/v1/search?q=memcon&speaker=%00" },
    { method: "GET", url: "/api/v1/search?q=a%00" },
    { method: "GET", url: "/api/v1/search?q=memcon&from=0000-01-01" },
    { method: "DELETE", url: `/api/v1/articles/${article.id}?version=2147483648` },
    {
      method: "PATCH",
      url: `/api/v1/articles/${article.id}`,
      body: json({ version: article.version, title: "a\u0000b" }),
    },
    {
      method: "PATCH",
      url: `/api/v1/articles/${article.id}`,
      body: json({ version: article.version, body: doc("a\ud800b") }),
    },
    { method: "PATCH", url: `/api/v1/articles/${article.id}`, body: json({ version: article.version, body: nested }) },
    { method: "PATCH", url: `/api/v1/articles/${article.id}`, body: json({ version: 2147483648, title: "x" }) },
    {
      method: "PATCH",
      url: `/api/v1/articles/${article.id}`,
      body: json({ version: article.version, publishedAt: "0000-01-01T00:00:00Z" }),
    },
    {
      method: "PATCH",
      url: `/api/v1/articles/${article.id}`,
      body: {
        headers: { "content-type": "application/json" },
        data: Buffer.concat([Buffer.from('{"version":1,"title":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
      },
    },
    {
      method: "POST",
      url: "/api/v1/sources",
      body: json({ title: "t", kind: "report", primary: true, text: "x\u0000y", reliabilityNote: "n" }),
    },
    {
      method: "POST",
      url: "/api/v1/sources",
      body: json({
        title: "t",
        kind: "report",
        primary: true,
        text: "x",
        reliabilityNote: "a\u0000",
        date: "0000-01-01",
      }),
    },
    { method: "POST", url: `/api/v1/passages/${source.id}/split`, body: json({ at: 99999999999 }) },
  ];
  for (const c of cases) {
    const before = await db.fingerprint([id]);
    const response = await context.fetch(c.url, {
      method: c.method,
      headers: c.body?.headers,
      data: c.body?.data,
      failOnStatusCode: false,
    });
    const text = await response.text();
    expect(response.status(), `${c.method} ${c.url}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
    expect(response.status(), `${c.method} ${c.url}: ${text.slice(0, 200)}`).toBeLessThan(500);
    expect(JSON.parse(text).error.message, c.url).toMatch(/\w+/);
    expect(text).not.toMatch(STACK);
    expect(await db.fingerprint([id]), `${c.method} ${c.url} wrote something`).toBe(before);
  }
  for (const url of ["/read/%FF", "/read/%00", "/articles/%FF", "/articles/a%00", "/sources/%FF", "/sources/%00"]) {
    const response = await context.get(url, { failOnStatusCode: false, maxRedirects: 0 });
    expect(response.status(), url).toBe(404);
  }
  await db.end();
  await context.dispose();
});

test("defect 5: a chunked upload past the import limit is stopped at the limit, not read whole", async () => {
  test.setTimeout(90_000);
  const { context } = await freshEditor();
  const cookie = (await context.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const total = 42 * 1024 * 1024;
  const chunk = Buffer.alloc(256 * 1024, "a");
  const result = await new Promise<{ status: number; sentWhenAnswered: number }>((resolve, reject) => {
    let sent = 0;
    let answered: { status: number; sentWhenAnswered: number } | null = null;
    const request = http.request({
      host: "localhost",
      port: PORT,
      path: "/api/v1/sources/import",
      method: "POST",
      headers: { cookie, "content-type": "multipart/form-data; boundary=XyZ", "transfer-encoding": "chunked" },
    });
    request.on("response", (response) => {
      answered = { status: response.statusCode ?? 0, sentWhenAnswered: sent };
      response.resume();
      resolve(answered);
    });
    request.on("error", (error) => (answered ? undefined : reject(error)));
    request.write(
      '--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nHuge\r\n--XyZ\r\nContent-Disposition: form-data; name="kind"\r\n\r\nreport\r\n--XyZ\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n',
    );
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end("\r\n--XyZ--\r\n");
    };
    pump();
  });
  expect(result.status).toBe(413);
  expect(result.sentWhenAnswered).toBeLessThan(total);
  await context.dispose();
});

test("defect 6: a link saved with target=_blank rel=opener is stored with rel=noopener noreferrer", async ({
  page,
}) => {
  await signInAs(page, "editor");
  const link = {
    type: "link",
    attrs: { href: "https://nsarchive.gwu.edu/", target: "_blank", rel: "opener", class: "x", onclick: "alert(1)" },
  };
  const created = await page.request.post("/api/v1/articles", {
    data: { title: "Link target", body: doc("the archive", [link]) },
  });
  expect(created.status()).toBe(201);
  const stored = (await created.json()).article.body.content[0].content[0].marks[0];
  expect(stored).toEqual({
    type: "link",
    attrs: {
      href: "https://nsarchive.gwu.edu/",
      target: "_blank",
      rel: "noopener noreferrer nofollow",
      class: null,
      title: null,
    },
  });
});

test("defect 7: cookie writes from another origin are refused; bearer tokens and our own pages are not; JSON only", async ({
  page,
}) => {
  await signInAs(page, "editor");
  const body = { title: "Cross-site", body: doc("x") };
  const evil = await page.request.post("/api/v1/articles", { data: body, headers: { Origin: "https://evil.example" } });
  expect(evil.status()).toBe(403);
  expect((await evil.json()).error.message).toMatch(/Another website/);
  expect(
    (await page.request.post("/api/v1/articles", { data: body, headers: { "Sec-Fetch-Site": "cross-site" } })).status(),
  ).toBe(403);
  expect(
    (
      await page.request.post("/api/v1/articles", {
        data: body,
        headers: { Origin: BASE_URL, "Sec-Fetch-Site": "same-origin" },
      })
    ).status(),
  ).toBe(201);
  const plain = await page.request.post("/api/v1/articles", {
    data: JSON.stringify(body),
    headers: { "Content-Type": "text/plain" },
  });
  expect(plain.status()).toBe(415);
  // The same request from a page in the browser: fetch() from our origin works.
  await page.goto("/articles");
  const fromPage = await page.evaluate(
    async (data) =>
      (
        await fetch("/api/v1/articles", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(data),
        })
      ).status,
    body,
  );
  expect(fromPage).toBe(201);
});

test("defect 7: every answer carries the security headers, and pages run under the CSP without violations", async ({
  page,
}) => {
  for (const url of ["/", "/signin", "/api/health", "/api/v1/articles", "/read/does-not-exist"]) {
    const response = await page.request.get(url, { failOnStatusCode: false, maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["content-security-policy"], url).toMatch(/default-src 'self'/);
    expect(headers["content-security-policy"], url).toMatch(/frame-ancestors 'none'/);
    expect(headers["content-security-policy"], url).toMatch(/object-src 'none'/);
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["x-frame-options"], url).toBe("DENY");
    expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    expect(headers["cross-origin-opener-policy"], url).toBe("same-origin");
  }
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(error.message));
  await page.goto("/");
  await page.goto("/signin");
  await signInAs(page, "editor");
  await page.goto("/articles");
  await page.getByRole("link", { name: /Putin raised Pakistan’s nuclear proliferation/ }).click();
  await expect(page.getByRole("textbox").first()).toBeVisible();
  await page.goto("/sources");
  expect(violations).toEqual([]);
});
