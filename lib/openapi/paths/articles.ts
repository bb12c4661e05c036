import "server-only";
import { errorResponses, jsonBody, jsonResponse, type PathItem } from "@/lib/openapi/document";
import { ZCreateArticleRequest } from "@/lib/schemas/articles";

export function articlePaths(): Record<string, PathItem> {
  return {
    "/api/v1/articles": {
      get: { summary: "List articles", tags: ["articles"], responses: { "200": jsonResponse("The articles you may see"), ...errorResponses } },
      post: { summary: "Create an article", tags: ["articles"], requestBody: jsonBody(ZCreateArticleRequest), responses: { "201": jsonResponse("Created"), ...errorResponses } },
    },
    "/api/v1/articles/{id}": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      get: { summary: "Read an article", tags: ["articles"], responses: { "200": jsonResponse("The article"), ...errorResponses } },
    },
  };
}
