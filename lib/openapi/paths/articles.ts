import "server-only";
import { errorResponses, jsonBody, jsonResponse, type PathItem } from "@/lib/openapi/document";
import { ZCreateArticleRequest, ZUpdateArticleRequest } from "@/lib/schemas/articles";
import { ZCreateClaimRequest, ZUpdateClaimRequest } from "@/lib/schemas/claims";

const idParam = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];
const conflict = { "409": { $ref: "#/components/responses/Conflict" } };

export function articlePaths(): Record<string, PathItem> {
  return {
    "/api/v1/articles": {
      get: { summary: "List articles", tags: ["articles"], responses: { "200": jsonResponse("The articles you may see"), ...errorResponses } },
      post: { summary: "Create an article (body: ProseMirror JSON)", tags: ["articles"], requestBody: jsonBody(ZCreateArticleRequest), responses: { "201": jsonResponse("Created"), ...errorResponses } },
    },
    "/api/v1/articles/{id}": {
      parameters: idParam,
      get: { summary: "Read an article and its claims", tags: ["articles"], responses: { "200": jsonResponse("The article"), ...errorResponses } },
      patch: {
        summary: "Change metadata and/or body; send the version you loaded",
        description: "Claims move with their marks. A script that sends plain paragraphs without marks sets `reanchorByText: true`: claims are found again by their words and their marks put back. Claims whose words changed after a verdict become stale; claims whose words are gone become orphaned.",
        tags: ["articles"],
        requestBody: jsonBody(ZUpdateArticleRequest),
        responses: { "200": jsonResponse("Saved: the new version and the claims"), ...errorResponses, ...conflict },
      },
      delete: { summary: "Delete an article (?version=N)", tags: ["articles"], parameters: [{ name: "version", in: "query", required: true, schema: { type: "integer" } }], responses: { "204": { description: "Deleted" }, ...errorResponses, ...conflict } },
    },
    "/api/v1/articles/{id}/claims": {
      parameters: idParam,
      get: { summary: "List an article's claims in document order", tags: ["claims"], responses: { "200": jsonResponse("The claims"), ...errorResponses } },
      post: {
        summary: "Mark a claim: either the body with its mark, or start/end offsets (UTF-16 code units) into the article's text",
        tags: ["claims"],
        requestBody: jsonBody(ZCreateClaimRequest),
        responses: { "201": jsonResponse("The claim, the new article version and all claims"), ...errorResponses, ...conflict },
      },
    },
    "/api/v1/claims/{id}": {
      parameters: idParam,
      get: { summary: "Read a claim", tags: ["claims"], responses: { "200": jsonResponse("The claim"), ...errorResponses } },
      patch: { summary: "Change kind, speaker, verdict or rationale; send the claim version you loaded", tags: ["claims"], requestBody: jsonBody(ZUpdateClaimRequest), responses: { "200": jsonResponse("The claim"), ...errorResponses, ...conflict } },
      delete: { summary: "Delete a claim and its mark (?articleVersion=N)", tags: ["claims"], parameters: [{ name: "articleVersion", in: "query", required: true, schema: { type: "integer" } }], responses: { "200": jsonResponse("The article's new version"), ...errorResponses, ...conflict } },
    },
  };
}
