import { randomUUID } from "node:crypto";
import { DEMO, expect, expectNoAxeViolations, signInAs, signInWithApi, test } from "./fixtures";

test.describe("sign-in", () => {
  test("the demo editor signs in with the form and sees the demo article", async ({ page }) => {
    await page.goto("/articles");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Farticles/);
    await expectNoAxeViolations(page);
    await page.getByLabel("Email").fill(DEMO.editor.email);
    await page.getByLabel("Password").fill(DEMO.editor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/articles$/);
    await expect(page.getByRole("link", { name: /Putin raised Pakistan’s nuclear proliferation/ })).toBeVisible();
    await expect(page).toHaveTitle("Articles · Sourcemark");
    await expectNoAxeViolations(page);
  });

  test("a wrong password and an unknown email get the same answer", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(DEMO.reviewer.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.locator("#signin-error");
    await expect(alert).toHaveText(/do not match an active account/);
    const wrongPassword = await alert.textContent();
    await page.getByLabel("Email").fill(`nobody-${randomUUID()}@sourcemark.test`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toHaveText(wrongPassword!);
    await expect(page).toHaveURL(/\/signin/);
  });

  test("a tampered session cookie counts as signed out, with no error page", async ({ page, context }) => {
    await signInAs(page, "editor");
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name.includes("next-auth.session-token"));
    expect(session).toBeDefined();
    await context.addCookies([{ ...session!, value: `${session!.value.slice(0, -6)}AAAAAA` }]);
    const response = await page.goto("/articles");
    expect(response?.status()).toBeLessThan(500);
    await expect(page).toHaveURL(/\/signin/);
    const api = await page.request.get("/api/v1/articles");
    expect(api.status()).toBe(401);
  });

  test("a disabled account cannot sign in, and a signed-in one loses access at once", async ({ page, browser }) => {
    await signInAs(page, "admin");
    const email = `temp-${randomUUID().slice(0, 8)}@sourcemark.test`;
    const password = "temporary password 123";
    const created = await page.request.post("/api/v1/users", {
      data: { email, name: "Temp Editor", role: "editor", password },
    });
    expect(created.status()).toBe(201);

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    expect(await signInWithApi(otherPage.request, email, password)).toEqual({ ok: true, error: null });
    await otherPage.goto("/articles");
    await expect(otherPage.getByRole("heading", { name: "Articles" })).toBeVisible();

    await page.goto("/admin/users");
    await page.getByRole("button", { name: `Disable ${email}` }).click();
    await expect(page.getByRole("button", { name: `Enable ${email}` })).toBeVisible();

    await otherPage.reload();
    await expect(otherPage).toHaveURL(/\/signin/);
    expect((await otherPage.request.get("/api/v1/articles")).status()).toBe(401);
    const again = await signInWithApi(otherPage.request, email, password);
    expect(again).toEqual({ ok: false, error: "CredentialsSignin" });
    await other.close();
  });

  test("50 rapid wrong passwords are rate limited, and the real user signs in after the window", async ({
    page,
    browser,
  }) => {
    test.setTimeout(60_000);
    await signInAs(page, "admin");
    const email = `target-${randomUUID().slice(0, 8)}@sourcemark.test`;
    const password = "the real password 123";
    expect(
      (
        await page.request.post("/api/v1/users", { data: { email, name: "Target", role: "reviewer", password } })
      ).status(),
    ).toBe(201);

    const attacker = await browser.newContext();
    const errors: (string | null)[] = [];
    for (let i = 0; i < 50; i++) errors.push((await signInWithApi(attacker.request, email, `wrong-${i}`)).error);
    expect(errors.slice(0, 10).every((e) => e === "CredentialsSignin")).toBe(true);
    expect(errors.slice(10).every((e) => e === "RateLimited")).toBe(true);
    // Even the right password is refused inside the window…
    expect((await signInWithApi(attacker.request, email, password)).error).toBe("RateLimited");
    await attacker.close();

    // …and accepted once it has passed (the e2e server runs with an 8-second window).
    await page.waitForTimeout(9_000);
    const user = await browser.newContext();
    expect(await signInWithApi(user.request, email, password)).toEqual({ ok: true, error: null });
    await user.close();
  });
});
