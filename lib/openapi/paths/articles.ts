import "server-only";
import { errorResponses, jsonBody, jsonResponse, type PathItem } from "@/lib/openapi/document";
import { ZCreateArticleRequest, ZUpdateArticleRequest } from "@/lib/schemas/articles";
import { ZCreateClaimRequest, ZUpdateClaimRequest } from "@/lib/schemas/claims";

const idParam = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];
const conflict = { "409": { $ref: "#/components/responses/Conflict" } };

export function articlePaths(): Record<string, PathItem> {
  return {
    "/api/v1/articles": {
      get: {
        summary: "List articles",
        tags: ["articles"],
        responses: { "200": jsonResponse("The articles you may see"), ...errorResponses },
      },
      post: {
        summary: "Create an article (body: ProseMirror JSON)",
        tags: ["articles"],
        requestBody: jsonBody(ZCreateArticleRequest),
        responses: { "201": jsonResponse("Created"), ...errorResponses },
      },
    },
    "/api/v1/articles/{id}": {
      parameters: idParam,
      get: {
        summary: "Read an article and its claims",
        tags: ["articles"],
        responses: { "200": jsonResponse("The article"), ...errorResponses },
      },
      patch: {
        summary: "Change metadata and/or body; send the version you loaded",
        description:
          "Claims move with their marks. A script that sends plain paragraphs without marks sets `reanchorByText: true`: claims are found again by their words and their marks put back. Claims whose words changed after a verdict become stale; claims whose words are gone become orphaned.",
        tags: ["articles"],
        requestBody: jsonBody(ZUpdateArticleRequest),
        responses: { "200": jsonResponse("Saved: the new version and the claims"), ...errorResponses, ...conflict },
      },
      delete: {
        summary: "Delete an article (?version=N)",
        tags: ["articles"],
        parameters: [{ name: "version", in: "query", required: true, schema: { type: "integer" } }],
        responses: { "204": { description: "Deleted" }, ...errorResponses, ...conflict },
      },
    },
    "/api/v1/articles/{id}/claims": {
      parameters: idParam,
      get: {
        summary: "List an article's claims in document order",
        tags: ["claims"],
        responses: { "200": jsonResponse("The claims"), ...errorResponses },
      },
      post: {
        summary:
          "Mark a claim: either start/end offsets (UTF-16 code units) into the article's text, or the body with its mark",
        description:
          "With offsets the server puts the mark into the stored body of the version you name (409 if the article has a newer one); send `exact`, the words you marked, to have them checked and kept as they are (no quotation marks trimmed). No other claim changes, so the answer is the claim and the new version only. With a body, the body is saved as an article save would be (claims move with their marks, and so on) and the answer also lists every claim.",
        tags: ["claims"],
        requestBody: jsonBody(ZCreateClaimRequest),
        responses: {
          "201": jsonResponse(
            "The claim and the new article version; with a body, also `claims`, every claim in document order",
          ),
          ...errorResponses,
          ...conflict,
        },
      },
    },
    "/api/v1/claims/{id}": {
      parameters: idParam,
      get: {
        summary: "Read a claim",
        tags: ["claims"],
        responses: { "200": jsonResponse("The claim"), ...errorResponses },
      },
      patch: {
        summary: "Change kind, speaker, verdict or rationale; send the claim version you loaded",
        tags: ["claims"],
        requestBody: jsonBody(ZUpdateClaimRequest),
        responses: { "200": jsonResponse("The claim"), ...errorResponses, ...conflict },
      },
      delete: {
        summary: "Delete a claim and its mark (?articleVersion=N)",
        tags: ["claims"],
        parameters: [{ name: "articleVersion", in: "query", required: true, schema: { type: "integer" } }],
        responses: { "200": jsonResponse("The article's new version"), ...errorResponses, ...conflict },
      },
    },
  };
}
