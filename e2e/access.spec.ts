import { expect, expectNoAxeViolations, signInAs, test, type DemoRole } from "./fixtures";
import { appRoutes, isPublic } from "./routes";

const routes = appRoutes();

test.describe("signed out", () => {
  test("the route list is complete enough to trust", () => {
    expect(routes.filter((r) => r.kind === "page").length).toBeGreaterThanOrEqual(4);
    expect(routes.filter((r) => r.kind === "api" && !isPublic(r.path)).length).toBeGreaterThanOrEqual(3);
  });

  for (const route of routes.filter((r) => r.kind === "page" && !isPublic(r.path))) {
    test(`page ${route.path} sends a signed-out visitor to sign in`, async ({ page }) => {
      await page.goto(route.path);
      await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    });
  }

  for (const route of routes.filter((r) => r.kind === "api" && !isPublic(r.path))) {
    for (const method of route.methods) {
      test(`${method} ${route.path} answers 401 to a signed-out request`, async ({ request }) => {
        const response = await request.fetch(route.path, { method, data: method === "GET" ? undefined : {} });
        expect(response.status()).toBe(401);
        const body = await response.json();
        expect(body.error.message).toMatch(/Sign in/);
        expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/);
      });
    }
  }

  test("the public front page is reachable and accessible", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Published fact-checks" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a bad bearer token gets a 401 that says what is wrong", async ({ request }) => {
    const response = await request.get("/api/v1/articles", {
      headers: { Authorization: "Bearer smk_not-a-real-token" },
    });
    expect(response.status()).toBe(401);
    expect((await response.json()).error.message).toMatch(/unknown or was revoked/);
  });
});

const REACH: Record<DemoRole, { allowed: string[]; forbidden: string[] }> = {
  admin: { allowed: ["/articles", "/admin/users"], forbidden: [] },
  editor: { allowed: ["/articles"], forbidden: ["/admin/users"] },
  reviewer: { allowed: ["/articles"], forbidden: ["/admin/users"] },
};

for (const role of Object.keys(REACH) as DemoRole[]) {
  test(`${role} reaches what the role allows and nothing else`, async ({ page }) => {
    await signInAs(page, role);
    for (const path of REACH[role].allowed) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expectNoAxeViolations(page);
    }
    for (const path of REACH[role].forbidden) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    }
    const users = await page.request.get("/api/v1/users");
    expect(users.status()).toBe(role === "admin" ? 200 : 403);
    const create = await page.request.post("/api/v1/articles", {
      data: { title: "Role probe", body: { type: "doc", content: [{ type: "paragraph" }] } },
    });
    expect(create.status()).toBe(role === "reviewer" ? 403 : 201);
  });
}
