/**
 * Where to go after sign-in: only a path on this site. Anything a browser could read as another
 * origin ("//evil", "/\evil", "/<TAB>/evil", "https://…") falls back to the articles list; an
 * open redirect after a password prompt is a phishing aid.
 */
export function safeCallbackPath(value: string | string[] | undefined, fallback = "/articles"): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v || !v.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(v)) return fallback;
  try {
    const url = new URL(v, "http://sourcemark.invalid");
    return url.origin === "http://sourcemark.invalid" && !v.startsWith("//")
      ? `${url.pathname}${url.search}${url.hash}`
      : fallback;
  } catch {
    return fallback;
  }
}
