import { textProblem } from "@/lib/schemas/common";

/**
 * Deeper than any real request (an article body with lists ten levels deep is about 50): deep
 * enough never to refuse a real request, shallow enough that no recursive code downstream (zod,
 * ProseMirror, jsonb) runs out of stack.
 */
export const MAX_JSON_DEPTH = 128;

export type InputProblem = { path: string; message: string };

/**
 * The first value in parsed JSON that must not go further: a string (or key) PostgreSQL cannot
 * store, or nesting past MAX_JSON_DEPTH. Iterative, so a hostile depth cannot overflow it.
 */
export function jsonProblem(root: unknown, maxDepth = MAX_JSON_DEPTH): InputProblem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    const where = () => path.join(".") || "(body)";
    if (typeof value === "string") {
      const problem = textProblem(value);
      if (problem) return { path: where(), message: `${where()} ${problem}` };
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (path.length >= maxDepth)
      return { path: where(), message: `The request is nested more than ${maxDepth} levels deep.` };
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    for (const [key, child] of entries) {
      if (typeof key === "string") {
        const problem = textProblem(key);
        if (problem) return { path: where(), message: `A field name in ${where()} ${problem}` };
      }
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

/** Whether a request body of this Content-Type is JSON (application/json, or a +json type). */
export function isJsonContentType(header: string | null): boolean {
  const type = (header ?? "").split(";")[0]!.trim().toLowerCase();
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}
