import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

test("a personal API token works as a Bearer credential with its owner's role, until revoked", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signInAs(page, "editor");
  await page.goto("/settings/tokens");
  await page.getByLabel("What will use it?").fill(`e2e script ${Date.now()}`);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("Your new token").inputValue();
  expect(token).toMatch(/^smk_[A-Za-z0-9_-]{40,}$/);
  await expectNoAxeViolations(page);

  const script = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
  const me = await script.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect((await me.json()).user.role).toBe("editor");
  const created = await script.post("/api/v1/articles", {
    data: {
      title: "Made by a script",
      body: {
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "Bush said, “We have a complex history with Iran.”" }] },
        ],
      },
    },
  });
  expect(created.status()).toBe(201);
  const article = (await created.json()).article;
  const claim = await script.post(`/api/v1/articles/${article.id}/claims`, {
    data: { version: article.version, claim: { kind: "quote", speaker: "Bush" }, start: 10, end: 49 },
  });
  expect(claim.status()).toBe(201);
  expect((await claim.json()).claim.exact).toBe("We have a complex history with Iran.");

  await page.reload();
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toMatch(/^Revoke “e2e script/);
    void dialog.accept();
  });
  await page.getByRole("button", { name: /^Revoke e2e script/ }).click();
  await expect(page.getByText(/^Revoked/)).toBeVisible();
  const after = await script.get("/api/v1/me");
  expect(after.status()).toBe(401);
  await script.dispose();
});

test("the OpenAPI document describes the articles and claims API", async ({ request }) => {
  const response = await request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  const doc = await response.json();
  expect(doc.openapi).toBe("3.1.0");
  for (const path of [
    "/api/v1/articles",
    "/api/v1/articles/{id}",
    "/api/v1/articles/{id}/claims",
    "/api/v1/claims/{id}",
  ])
    expect(Object.keys(doc.paths)).toContain(path);
  expect(doc.components.securitySchemes.bearer.scheme).toBe("bearer");
});
