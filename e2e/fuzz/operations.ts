// What the fuzz suite drives: every operation of the OpenAPI document, every /api/v1 route
// handler the document does not describe yet, and every page, with a valid-looking request
// built from each schema for hostile values to be put into.
import type { AppRoute } from "../routes";

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

type Parameter = { name: string; in: string; required?: boolean; schema?: JsonSchema };
type OpenApiOperation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
export type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation | Parameter[]>> };

export type Operation = {
  method: string;
  /** `/api/v1/articles/{id}` */
  pattern: string;
  pathParams: string[];
  query: { name: string; schema: JsonSchema; required: boolean }[];
  body?: { kind: "json" | "multipart"; schema: JsonSchema };
};

const METHODS = ["get", "post", "put", "patch", "delete"];
// next-auth's own endpoints: a fuzzed sign-out would end the session the suite runs with.
const SKIP = /^\/api\/auth\//;

export function apiOperations(doc: OpenApiDocument, routes: AppRoute[]): Operation[] {
  const operations: Operation[] = [];
  for (const [pattern, item] of Object.entries(doc.paths)) {
    const shared = (Array.isArray(item.parameters) ? item.parameters : []) as Parameter[];
    for (const method of METHODS) {
      const op = item[method] as OpenApiOperation | undefined;
      if (!op) continue;
      const parameters = [...shared, ...(op.parameters ?? [])];
      const content = op.requestBody?.content ?? {};
      const json = content["application/json"]?.schema;
      const multipart = content["multipart/form-data"]?.schema;
      operations.push({
        method: method.toUpperCase(),
        pattern,
        pathParams: parameters.filter((p) => p.in === "path").map((p) => p.name),
        query: parameters
          .filter((p) => p.in === "query")
          .map((p) => ({ name: p.name, schema: p.schema ?? {}, required: Boolean(p.required) })),
        body: json ? { kind: "json", schema: json } : multipart ? { kind: "multipart", schema: multipart } : undefined,
      });
    }
  }
  // Route handlers the document does not describe are fuzzed too, with any JSON body.
  const described = new Set(operations.map((o) => `${o.method} ${o.pattern}`));
  for (const route of routes.filter((r) => r.kind === "api" && !SKIP.test(r.pattern))) {
    const pattern = route.pattern.replace(/\[([^\]]+)\]/g, "{$1}");
    const pathParams = [...pattern.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const method of route.methods) {
      if (described.has(`${method} ${pattern}`)) continue;
      operations.push({
        method,
        pattern,
        pathParams,
        query: [],
        body: method === "GET" || method === "DELETE" ? undefined : { kind: "json", schema: {} },
      });
    }
  }
  return operations;
}

export function pagePatterns(routes: AppRoute[]): { pattern: string; pathParams: string[] }[] {
  return routes
    .filter((r) => r.kind === "page")
    .map((r) => ({ pattern: r.pattern, pathParams: [...r.pattern.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!) }));
}

const firstType = (schema: JsonSchema) =>
  Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;

/** A value the schema accepts, as far as a schema can say (examples and defaults first). */
export function exampleOf(schema: JsonSchema, name = ""): unknown {
  if (schema.examples?.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const alternative = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0];
  if (alternative) return exampleOf(alternative, name);
  switch (firstType(schema)) {
    case "string":
      if (schema.format === "date") return "2008-04-06";
      if (schema.format === "date-time") return "2025-12-26T21:12:00+05:30";
      if (schema.format === "uri") return "https://example.org/";
      if (schema.format === "email") return "fuzz@example.org";
      if (schema.pattern) return /a-z0-9\]\[a-z0-9-/.test(schema.pattern) ? "fuzz-example" : "fuzzExample_01";
      return "Fuzz example".padEnd(schema.minLength ?? 0, "x");
    case "integer":
    case "number":
      return Math.max(schema.minimum ?? 1, 1);
    case "boolean":
      return false;
    case "array":
      return schema.minItems ? [exampleOf(schema.items ?? {}, name)] : [];
    case "object": {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) value[key] = exampleOf(schema.properties?.[key] ?? {}, key);
      return value;
    }
    default:
      return name === "body"
        ? { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Fuzz example." }] }] }
        : "fuzz";
  }
}

/** Every field a body schema names, nested up to three levels: where one hostile value goes. */
export function fieldPaths(schema: JsonSchema, prefix: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (depth > 3) return [];
  const paths: (string | number)[][] = [];
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    paths.push([...prefix, key]);
    paths.push(...fieldPaths(child, [...prefix, key], depth + 1));
    if (child.items) paths.push([...prefix, key, 0], ...fieldPaths(child.items, [...prefix, key, 0], depth + 1));
  }
  return paths;
}

export function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const container = (
    Array.isArray(root)
      ? [...root]
      : typeof root === "object" && root !== null
        ? { ...root }
        : typeof head === "number"
          ? []
          : {}
  ) as Record<string | number, unknown>;
  container[head!] = setAt(container[head!], rest, value);
  return container;
}
