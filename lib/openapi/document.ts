import "server-only";
import { z } from "zod";
import { articlePaths } from "@/lib/openapi/paths/articles";
import { publishingPaths } from "@/lib/openapi/paths/publishing";
import { quoteAuditPaths } from "@/lib/openapi/paths/quote-audit";
import { reviewPaths } from "@/lib/openapi/paths/review";
import { sourcePaths } from "@/lib/openapi/paths/sources";

// The OpenAPI 3.1 document served at /api/openapi.json. Request and response bodies come from
// the same zod schemas the handlers validate with (z.toJSONSchema), so the two cannot drift.
export type PathItem = Record<string, unknown>;

export const jsonBody = (schema: z.ZodType) => ({
  required: true,
  content: { "application/json": { schema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) } },
});
export const jsonResponse = (description: string, schema?: Record<string, unknown>) => ({
  description,
  content: schema ? { "application/json": { schema } } : undefined,
});
export const errorResponses = {
  "401": { $ref: "#/components/responses/Unauthenticated" },
  "403": { $ref: "#/components/responses/Forbidden" },
  "404": { $ref: "#/components/responses/NotFound" },
  "422": { $ref: "#/components/responses/InvalidInput" },
};

const errorSchema = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: { code: { type: "string" }, message: { type: "string" }, issues: { type: "array" } },
      required: ["code", "message"],
    },
  },
};

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Sourcemark API",
      version: "1",
      description:
        "Articles, claims, sources, passages and search. Authenticate with the session cookie or a personal API token: `Authorization: Bearer smk_…` (create one under API tokens).",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { session: [] }],
    paths: { ...articlePaths(), ...sourcePaths(), ...reviewPaths(), ...quoteAuditPaths(), ...publishingPaths() },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "Personal API token (smk_…)" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      responses: {
        Unauthenticated: jsonResponse("Not signed in, or the token is unknown or revoked.", errorSchema),
        Forbidden: jsonResponse("Your role does not allow this.", errorSchema),
        NotFound: jsonResponse("Not found, or not visible to you.", errorSchema),
        Conflict: jsonResponse("Someone saved a newer version; reload and try again.", errorSchema),
        InvalidInput: jsonResponse("The input is not valid; `issues` says where.", errorSchema),
      },
    },
  };
}
