// The editor's calls to /api/v1: one place that turns responses into results a UI can show.
export type ApiResult<T> =
  { ok: true; data: T } | { ok: false; status: number; message: string; currentVersion?: number };

export async function callApi<T>(path: string, init: { method: string; body?: unknown }): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method,
      headers: init.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    return {
      ok: false,
      status: 0,
      message:
        "Could not reach Sourcemark. Check your connection; your text is kept here and will be saved when you retry.",
    };
  }
  if (response.ok) return { ok: true, data: (response.status === 204 ? undefined : await response.json()) as T };
  const payload = (await response.json().catch(() => null)) as {
    error?: { message?: string; currentVersion?: number };
  } | null;
  const message =
    payload?.error?.message ??
    (response.status === 401
      ? "Your session ended. Sign in again in another tab, then retry."
      : `The server answered ${response.status}.`);
  return { ok: false, status: response.status, message, currentVersion: payload?.error?.currentVersion };
}
