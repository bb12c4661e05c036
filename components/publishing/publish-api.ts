// The publish panel's calls to /api/v1: same-origin, the session cookie authenticates them.
import type { PublishStatus } from "@/lib/services/publishing/get-publish-status";

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

async function call<T>(url: string, init: RequestInit = {}): Promise<Outcome<T>> {
  try {
    const response = await fetch(url, { ...init, headers: { "Content-Type": "application/json", ...init.headers } });
    const body = (await response.json().catch(() => null)) as (T & { error?: { message: string } }) | null;
    if (!response.ok) return { ok: false, message: body?.error?.message ?? `The server answered ${response.status}.` };
    return { ok: true, value: body as T };
  } catch {
    return { ok: false, message: "The server could not be reached. Check your connection and try again." };
  }
}

export const fetchStatus = (articleId: string) =>
  call<{ publication: PublishStatus }>(`/api/v1/articles/${articleId}/publication`);
export const publish = (articleId: string) =>
  call<{ published: { number: number } }>(`/api/v1/articles/${articleId}/publication`, { method: "POST" });
export const unpublish = (articleId: string) =>
  call<{ state: string }>(`/api/v1/articles/${articleId}/publication`, { method: "DELETE" });
export const setLeftOut = (claimId: string, leftOut: boolean) =>
  call<{ leftOut: boolean }>(`/api/v1/claims/${claimId}/left-out`, {
    method: "PATCH",
    body: JSON.stringify({ leftOut }),
  });
