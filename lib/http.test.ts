import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readJson, route } from "./http";

const ok = route(async (request: Request) => {
  const body = await readJson(request, z.object({ title: z.string() }));
  return Response.json({ ok: true, body });
});

const post = (init: { body?: BodyInit; headers?: Record<string, string> }) =>
  new Request("http://localhost:3000/api/v1/articles", {
    method: "POST",
    body: init.body ?? '{"title":"x"}',
    headers: { host: "localhost:3000", "content-type": "application/json", ...init.headers },
  });

async function answer(request: Request) {
  const response = await ok(request, undefined);
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
}

describe("route() refuses cross-site cookie writes (issue 9, defect 7)", () => {
  it("refuses a write whose Origin is another site", async () => {
    const result = await answer(
      post({ headers: { origin: "https://evil.example", cookie: "next-auth.session-token=x" } }),
    );
    expect(result.status).toBe(403);
    expect(result.body.error?.message).toMatch(/Another website/);
  });

  it("refuses a cross-site cookie write that carries an empty Authorization header (no token in it)", async () => {
    for (const authorization of ["", "   "])
      expect(
        (
          await answer(
            post({ headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site", authorization } }),
          )
        ).status,
      ).toBe(403);
  });

  it("refuses a write a browser marks as cross-site, even without Origin", async () => {
    expect((await answer(post({ headers: { "sec-fetch-site": "cross-site" } }))).status).toBe(403);
    expect((await answer(post({ headers: { "sec-fetch-site": "same-site" } }))).status).toBe(403);
  });

  it("lets through our own pages, scripts without Origin, and bearer tokens from anywhere", async () => {
    expect(
      (await answer(post({ headers: { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" } }))).status,
    ).toBe(200);
    expect((await answer(post({}))).status).toBe(200);
    expect(
      (await answer(post({ headers: { origin: "https://evil.example", authorization: "Bearer smk_x" } }))).status,
    ).toBe(200);
  });

  it("refuses a body that is not JSON where JSON is expected: 415", async () => {
    const result = await answer(post({ headers: { "content-type": "text/plain" } }));
    expect(result.status).toBe(415);
    expect(
      (await answer(post({ headers: { "content-type": "application/x-www-form-urlencoded" }, body: "title=x" })))
        .status,
    ).toBe(415);
    expect((await answer(post({ headers: { "content-type": "application/json; charset=utf-8" } }))).status).toBe(200);
  });
});

describe("route() and readJson() refuse hostile values with a 4xx (issue 9, defect 4)", () => {
  it("refuses invalid UTF-8 instead of storing U+FFFD", async () => {
    const result = await answer(
      post({ body: Buffer.from([0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }),
    );
    expect(result.status).toBe(422);
    expect(result.body.error?.message).toMatch(/not valid UTF-8/);
  });

  it("refuses NUL and lone surrogates in any string or key, and nesting past the limit", async () => {
    for (const body of [
      '{"title":"a\\u0000b"}',
      '{"title":"\\ud800"}',
      '{"title":"x","\\u0000":1}',
      `{"title":"x","deep":${"[".repeat(1500)}${"]".repeat(1500)}}`,
    ]) {
      const result = await answer(post({ body }));
      expect(result.status, body.slice(0, 40)).toBe(422);
    }
  });

  it("refuses a NUL in the query string, and a NUL in a path id is a 404", async () => {
    const withQuery = route(async () => Response.json({}));
    const response = await withQuery(new Request("http://localhost:3000/api/v1/search?q=a%00b"), undefined);
    expect(response.status).toBe(422);
    const withId = route<{ params: Promise<{ id: string }> }>(async () => Response.json({}));
    expect(
      (
        await withId(new Request("http://localhost:3000/api/v1/articles/x"), {
          params: Promise.resolve({ id: "a\u0000" }),
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await withId(new Request("http://localhost:3000/api/v1/articles/x"), {
          params: Promise.resolve({ id: "ok-id" }),
        })
      ).status,
    ).toBe(200);
  });

  it("turns a database data exception into a 422, never a 500", async () => {
    const failing = route(async () => {
      throw Object.assign(new Error("Invalid `prisma.article.findFirst()` invocation"), {
        code: "P2039",
        meta: { driverAdapterError: { cause: { originalCode: "22021" } } },
      });
    });
    const response = await failing(new Request("http://localhost:3000/api/v1/articles"), undefined);
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).not.toMatch(/prisma|22021/);
  });
});
