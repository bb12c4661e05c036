import { randomUUID } from "node:crypto";
import { expect, expectNoAxeViolations, signInAs, signInWithApi, test } from "./fixtures";
import { createArticleViaApi } from "./editor-helpers";

test("an admin adds a person, changes their role and sees bad input explained", async ({ page, browser }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/users");
  await expectNoAxeViolations(page);
  const form = page.getByRole("form", { name: "Add a person" });
  await form.getByLabel("Name").fill("");
  await form.getByLabel("Email").fill("not an email");
  await form.getByLabel("Role").selectOption("reviewer");
  await form.getByLabel("Initial password (12+ characters)").fill("short");
  await form.getByRole("button", { name: "Add person" }).click();
  await expect(form.getByText("Enter an email address like name@example.org.")).toBeVisible();
  await expect(form.getByText("Use at least 12 characters.")).toBeVisible();
  // A refused form keeps what was typed, the role too, and the button keeps the keyboard's focus.
  await expect(form.getByLabel("Email")).toHaveValue("not an email");
  await expect(form.getByLabel("Role")).toHaveValue("reviewer");
  await expect(form.getByRole("button", { name: "Add person" })).toBeFocused();

  const email = `new-${randomUUID().slice(0, 8)}@sourcemark.test`;
  await form.getByLabel("Name").fill("Nora New");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("reviewer");
  await form.getByLabel("Initial password (12+ characters)").fill("a fine long password");
  await form.getByRole("button", { name: "Add person" }).click();
  await expect(form.getByRole("status")).toContainText(`Created ${email}`);
  await expect(form.getByLabel("Email")).toHaveValue("");
  await expect(form.getByLabel("Role")).toHaveValue("editor");

  await page.getByLabel(`Role of ${email}`).selectOption("editor");
  await expect(page.getByRole("row", { name: new RegExp(email) }).getByRole("status")).toHaveText(`Saved ${email}.`);

  const context = await browser.newContext();
  expect(await signInWithApi(context.request, email, "a fine long password")).toEqual({ ok: true, error: null });
  expect((await (await context.request.get("/api/v1/me")).json()).user.role).toBe("editor");
  await context.close();
});

test("a claim whose verdict the admin retired still shows that verdict, marked retired, and it is not offered to other claims", async ({
  page,
  browser,
}) => {
  await signInAs(page, "editor");
  const article = await createArticleViaApi(page, ["Alpha words here. Beta words there."]);
  const claimIds: string[] = [];
  let version = article.version;
  for (const [start, end] of [
    [0, 11],
    [18, 28],
  ]) {
    const response = await page.request.post(`/api/v1/articles/${article.id}/claims`, {
      data: { version, claim: { kind: "other" }, start, end },
    });
    expect(response.status()).toBe(201);
    const body = await response.json();
    claimIds.push(body.claim.id);
    version = body.version;
  }
  const admin = await browser.newContext();
  expect(await signInWithApi(admin.request, "admin@sourcemark.test", "sourcemark-admin")).toEqual({
    ok: true,
    error: null,
  });
  const key = `retired_${randomUUID().slice(0, 8)}`;
  expect(
    (await admin.request.post("/api/v1/verdicts", { data: { key, label: "Half-remembered", rating: 2 } })).status(),
  ).toBe(201);
  const claim = await (await page.request.get(`/api/v1/claims/${claimIds[0]}`)).json();
  const patched = await page.request.patch(`/api/v1/claims/${claimIds[0]}`, {
    data: { version: claim.claim.version, verdictKey: key, rationale: "Only half of it is in the transcript." },
  });
  expect(patched.status()).toBe(200);
  expect((await admin.request.patch(`/api/v1/verdicts/${key}`, { data: { archived: true } })).status()).toBe(200);
  await admin.close();

  const claims = page.getByRole("list", { name: "Claims in document order" });
  await page.goto(`/articles/${article.id}`);
  await claims.getByRole("button").first().press("Enter");
  const verdict = page.getByRole("form", { name: /Claim/ }).getByLabel("Verdict");
  await expect(verdict).toHaveValue(key);
  await expect(verdict.locator("option:checked")).toHaveText("Half-remembered (retired)");
  await expect(claims.getByRole("button").first()).toContainText("Half-remembered");
  await page.getByRole("form", { name: /Claim/ }).getByRole("button", { name: "Close" }).click();
  await claims.getByRole("button").nth(1).press("Enter");
  await expect(
    page.getByRole("form", { name: /Claim/ }).getByLabel("Verdict").locator(`option[value="${key}"]`),
  ).toHaveCount(0);
});

test("the admin edits the verdict set", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/verdicts");
  const row = page.getByRole("form", { name: "Verdict unsupported" });
  await expect(row.getByLabel("Label")).toHaveValue("Unsupported");
  await row.getByLabel("Description").fill(`No source found supports the claim (checked ${new Date().toISOString()}).`);
  await row.getByRole("button", { name: /Save/ }).click();
  await expect(row.getByRole("status")).toHaveText("“Unsupported” saved.");
  await expectNoAxeViolations(page);
});
