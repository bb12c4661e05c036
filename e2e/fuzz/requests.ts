// Turns one fast-check case into one HTTP request: a valid-looking request for an operation or
// a page, with one hostile value put into a path segment, a query parameter or a body field (or
// a whole hostile body), then sends it and says what was wrong with the answer, if anything.
import fc from "fast-check";
import type { APIRequestContext } from "@playwright/test";
import { hostileJson, hostileRawBody, hostileRawSegment, hostileString } from "./hostile";
import { exampleOf, fieldPaths, setAt, type Operation } from "./operations";

/** Query names worth trying on every route: the ones our handlers and pages read. */
export const COMMON_QUERY = [
  "q",
  "from",
  "to",
  "size",
  "page",
  "pageSize",
  "passage",
  "document",
  "speaker",
  "kind",
  "version",
  "articleVersion",
  "callbackUrl",
  "error",
  "state",
];

export type Target = {
  pattern: string;
  pathParams: string[];
  method: string;
  query: { name: string; schema: Record<string, unknown>; required: boolean }[];
  body?: Operation["body"];
};

export const caseArbitrary = fc.record({
  where: fc.constantFrom("path", "path", "query", "query", "body", "body", "body", "raw-body", "none"),
  realId: fc.nat(1000),
  useReal: fc.boolean(),
  rawSegment: fc.boolean(),
  segment: hostileRawSegment,
  text: hostileString,
  json: hostileJson,
  rawBody: hostileRawBody,
  pick: fc.nat(1000),
});
export type FuzzCase = typeof caseArbitrary extends fc.Arbitrary<infer T> ? T : never;

export type BuiltRequest = {
  method: string;
  url: string;
  describe: string;
  headers: Record<string, string>;
  data?: Buffer | string;
  multipart?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
};

function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    // A lone surrogate cannot be percent-encoded; send its replacement's bytes as they are.
    return "%ED%A0%80";
  }
}

export function buildRequest(target: Target, c: FuzzCase, ids: string[], page: boolean): BuiltRequest {
  const hostileParam =
    target.pathParams.length && c.where === "path" ? target.pathParams[c.pick % target.pathParams.length] : undefined;
  let describe = "baseline";
  let path = target.pattern;
  for (const name of target.pathParams) {
    const placeholder = page ? `[${name}]` : `{${name}}`;
    let segment =
      ids.length && c.useReal ? encodeSegment(ids[(c.realId + name.length) % ids.length]!) : "does-not-exist";
    if (name === hostileParam) {
      segment = c.rawSegment ? c.segment : encodeSegment(c.text);
      describe = `path ${name}=${JSON.stringify(c.rawSegment ? c.segment : c.text.slice(0, 60))}`;
    }
    path = path.replace(placeholder, segment);
  }
  const query = new URLSearchParams();
  for (const q of target.query) if (q.required) query.set(q.name, String(exampleOf(q.schema, q.name)));
  const queryTarget =
    c.where === "query" ||
    (c.where === "path" && !hostileParam) ||
    ((c.where === "body" || c.where === "raw-body") && !target.body && target.method === "GET");
  if (queryTarget) {
    const names = [...target.query.map((q) => q.name), ...COMMON_QUERY];
    const name = names[c.pick % names.length]!;
    query.set(name, c.text);
    describe = `query ${name}=${JSON.stringify(c.text.slice(0, 60))}`;
  }
  const url = `${path}${query.size ? `?${query}` : ""}`;
  const request: BuiltRequest = { method: target.method, url, describe, headers: {} };
  if (target.method === "GET") return request;
  if (c.where === "raw-body") {
    request.headers["content-type"] = c.rawBody.contentType;
    request.data = c.rawBody.data;
    request.describe = `raw body ${c.rawBody.contentType}: ${JSON.stringify(c.rawBody.data.subarray(0, 40).toString("latin1"))}`;
    return request;
  }
  const schema = target.body?.schema ?? {};
  let body = exampleOf(schema as never, "");
  if (c.where === "body") {
    const fields = fieldPaths(schema as never);
    const field = fields.length ? fields[c.pick % fields.length]! : [];
    const value = target.body?.kind === "multipart" ? c.text : c.json;
    body = setAt(body, field, value);
    request.describe = `body ${field.join(".") || "(root)"}=${JSON.stringify(value)?.slice(0, 80)}`;
  }
  if (target.body?.kind === "multipart") {
    const form: BuiltRequest["multipart"] = {};
    for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>))
      form[key] = typeof value === "string" ? value : JSON.stringify(value);
    if (c.pick % 3 === 0) form.file = { name: "hostile.txt", mimeType: "text/plain", buffer: Buffer.from(c.text) };
    request.multipart = form;
    return request;
  }
  request.headers["content-type"] = "application/json";
  request.data = JSON.stringify(body) ?? "null";
  return request;
}

// A stack frame: "    at handler (/app/.next/server/chunks/123.js:4:5)".
const STACK = /^\s*at .*[(\s]\S*\.(?:js|mjs|cjs|ts|tsx):\d+:\d+\)?\s*$/m;

/** Sends the request; returns what is wrong with the answer (null when nothing is). */
export async function send(
  context: APIRequestContext,
  request: BuiltRequest,
): Promise<{ status: number; problem: string | null }> {
  const response = await context.fetch(request.url, {
    method: request.method,
    headers: request.headers,
    data: request.data,
    multipart: request.multipart,
    maxRedirects: 0,
    failOnStatusCode: false,
    timeout: 30_000,
  });
  const status = response.status();
  const text = await response.text().catch(() => "");
  if (status >= 500) return { status, problem: `answered ${status}: ${text.slice(0, 300)}` };
  if (STACK.test(text)) return { status, problem: `answered ${status} with a stack trace: ${text.match(STACK)?.[0]}` };
  return { status, problem: null };
}
