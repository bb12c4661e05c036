import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO = {
  admin: { email: "admin@sourcemark.test", password: "sourcemark-admin" },
  editor: { email: "editor@sourcemark.test", password: "sourcemark-editor" },
  reviewer: { email: "reviewer@sourcemark.test", password: "sourcemark-reviewer" },
} as const;
export type DemoRole = keyof typeof DEMO;

/** Signs in through next-auth's credentials endpoint; the cookie lands in the request's context. */
export async function signInWithApi(
  request: APIRequestContext,
  email: string,
  password: string,
): Promise<{ ok: boolean; error: string | null }> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  const error = body.url ? new URL(body.url).searchParams.get("error") : null;
  return { ok: response.ok() && !error, error };
}

export async function signInAs(page: Page, role: DemoRole) {
  const result = await signInWithApi(page.request, DEMO[role].email, DEMO[role].password);
  expect(result, `sign in as ${role}`).toEqual({ ok: true, error: null });
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

export const test = base;
export { expect };
