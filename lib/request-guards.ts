import "server-only";
import { AppError } from "@/lib/errors";
import { textProblem } from "@/lib/schemas/common";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A browser attaches the session cookie to a request another site makes it send, so a write
 * that rides on the cookie must come from our own pages. A bearer token is never attached by a
 * browser on its own, so token requests (scripts) are not cross-site writes and stay allowed;
 * so do requests without Origin or Sec-Fetch-Site, which browsers always send on a cross-site
 * write (curl, server-to-server calls).
 */
function assertSameOriginWrite(request: Request): void {
  // An Authorization header with nothing in it is no token: the session cookie would answer.
  if (!WRITES.has(request.method) || request.headers.get("authorization")?.trim()) return;
  const refuse = () =>
    new AppError(
      "forbidden",
      "Another website may not change anything here with your session. Use Sourcemark's own pages, or a personal API token (`Authorization: Bearer smk_…`).",
    );
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw refuse();
  const origin = request.headers.get("origin");
  if (origin !== null && !ownHosts(request).has(hostOf(origin) ?? "")) throw refuse();
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/** The host the browser addressed (Host, or X-Forwarded-Host behind a trusted proxy) and the configured public URL. */
function ownHosts(request: Request): Set<string> {
  const hosts = new Set<string>();
  const host = request.headers.get("host");
  if (host) hosts.add(host.toLowerCase());
  const forwarded = request.headers.get("x-forwarded-host");
  if (forwarded && Number(process.env.TRUSTED_PROXY_HOPS ?? 0) > 0)
    hosts.add(forwarded.split(",").at(-1)!.trim().toLowerCase());
  const configured = process.env.NEXTAUTH_URL ? hostOf(process.env.NEXTAUTH_URL) : null;
  if (configured) hosts.add(configured);
  return hosts;
}

/** Query values reach services and SQL as text: refuse what PostgreSQL cannot hold, once, here. */
function assertCleanQuery(request: Request): void {
  for (const [key, value] of new URL(request.url).searchParams) {
    const problem = textProblem(key) ?? textProblem(value);
    if (problem)
      throw new AppError("invalid_input", `The query parameter “${textProblem(key) ? "(name)" : key}” ${problem}`);
  }
}

export function guardRequest(request: Request): void {
  assertSameOriginWrite(request);
  assertCleanQuery(request);
}

/**
 * Path segments (`{id}`) are decoded by Next before we see them; one holding a NUL or a lone
 * surrogate names nothing that can exist, so it is a 404 before any query runs.
 */
export async function checkedContext<C>(context: C): Promise<C> {
  const params = (context as { params?: Promise<Record<string, string | string[] | undefined>> } | undefined)?.params;
  if (!params) return context;
  const values = await params;
  for (const value of Object.values(values ?? {})) {
    for (const part of Array.isArray(value) ? value : [value ?? ""]) {
      if (textProblem(part))
        throw new AppError("not_found", "Nothing is at this address: it has a character that no id or slug contains.");
    }
  }
  return { ...context, params: Promise.resolve(values) };
}
