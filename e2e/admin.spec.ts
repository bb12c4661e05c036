import { randomUUID } from "node:crypto";
import { expect, expectNoAxeViolations, signInAs, signInWithApi, test } from "./fixtures";

test("an admin adds a person, changes their role and sees bad input explained", async ({ page, browser }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/users");
  await expectNoAxeViolations(page);
  const form = page.getByRole("form", { name: "Add a person" });
  await form.getByLabel("Name").fill("");
  await form.getByLabel("Email").fill("not an email");
  await form.getByLabel("Initial password (12+ characters)").fill("short");
  await form.getByRole("button", { name: "Add person" }).click();
  await expect(form.getByText("Enter an email address like name@example.org.")).toBeVisible();
  await expect(form.getByText("Use at least 12 characters.")).toBeVisible();

  const email = `new-${randomUUID().slice(0, 8)}@sourcemark.test`;
  await form.getByLabel("Name").fill("Nora New");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("reviewer");
  await form.getByLabel("Initial password (12+ characters)").fill("a fine long password");
  await form.getByRole("button", { name: "Add person" }).click();
  await expect(form.getByRole("status")).toContainText(`Created ${email}`);

  await page.getByLabel(`Role of ${email}`).selectOption("editor");
  await expect(page.getByRole("row", { name: new RegExp(email) }).getByRole("status")).toHaveText(`Saved ${email}.`);

  const context = await browser.newContext();
  expect(await signInWithApi(context.request, email, "a fine long password")).toEqual({ ok: true, error: null });
  expect((await (await context.request.get("/api/v1/me")).json()).user.role).toBe("editor");
  await context.close();
});
