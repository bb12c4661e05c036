import { expect, signInAs, test } from "./fixtures";

test("the API answers bad input with a 4xx and a sentence, never a stack", async ({ page }) => {
  await signInAs(page, "editor");
  const cases = [
    { data: "{not json", type: "application/json", status: 422, message: /not valid JSON/ },
    {
      data: JSON.stringify({ title: "", body: { type: "doc", content: [] } }),
      type: "application/json",
      status: 422,
      message: /title: Give the article a title/,
    },
    {
      data: JSON.stringify({ title: "Script", body: { type: "doc", content: [{ type: "script" }] } }),
      type: "application/json",
      status: 422,
      message: /not a valid article document/,
    },
    {
      data: JSON.stringify({
        title: "Huge",
        body: {
          type: "doc",
          content: [{ type: "paragraph", content: [{ type: "text", text: "x".repeat(3 * 1024 * 1024) }] }],
        },
      }),
      type: "application/json",
      status: 413,
      message: /over the .* limit/,
    },
  ];
  for (const c of cases) {
    const response = await page.request.post("/api/v1/articles", {
      headers: { "Content-Type": c.type },
      data: Buffer.from(c.data),
    });
    expect(response.status(), c.data.slice(0, 40)).toBe(c.status);
    const body = await response.json();
    expect(body.error.message).toMatch(c.message);
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(js|ts):\d+/);
  }
  const notAnObject = await page.request.post("/api/v1/articles", {
    data: Buffer.from('"just a string"'),
    headers: { "Content-Type": "application/json" },
  });
  expect(notAnObject.status()).toBe(422);
  expect((await notAnObject.json()).error.message).toMatch(/must be a JSON object/);
  const stale = await page.request.patch("/api/v1/articles/does-not-exist", { data: { version: 1, title: "x" } });
  expect(stale.status()).toBe(404);
});
