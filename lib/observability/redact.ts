// What must never reach a log: passwords, tokens, cookies, Authorization headers, secrets. Keys are
// matched at any depth (pino's own `redact` paths only reach fixed depths), and strings are scrubbed
// of the shapes a secret takes when it leaks into a message: bearer headers, our API tokens, cookies.

const SECRET_KEY = /pass(word|wd)?|token|secret|cookie|authorization|session|credential|api[-_]?key|hash/i;
const SECRET_IN_TEXT: [RegExp, string][] = [
  [/\bBearer\s+[^\s"',;]+/gi, "Bearer [redacted]"],
  [/\bsmk_[A-Za-z0-9_-]+/g, "smk_[redacted]"],
  [/((?:__Secure-|__Host-)?next-auth\.[a-z-]+(?:\.\d+)?=)[^\s;"',]+/gi, "$1[redacted]"],
  [/\b(password|passwd|secret|token)=[^\s&;"',]+/gi, "$1=[redacted]"],
  [/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/gi, "$1[redacted]@"],
];

export const REDACTED = "[redacted]";

export function scrubText(text: string): string {
  return SECRET_IN_TEXT.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);
}

/** A copy of `value` with secret-named keys replaced and secret-shaped text scrubbed. */
export function redactValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 8 || seen.has(value)) return "[…]";
  seen.add(value);
  if (value instanceof Error) {
    const cause = (value as { cause?: unknown }).cause;
    return {
      type: value.name,
      message: scrubText(value.message),
      stack: value.stack ? scrubText(value.stack) : undefined,
      ...("code" in value ? { code: (value as { code?: unknown }).code } : {}),
      ...(cause === undefined ? {} : { cause: redactValue(cause, depth + 1, seen) }),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactValue(item, depth + 1, seen);
  }
  return out;
}
