import "server-only";
import { errorResponses, jsonBody, jsonResponse, type PathItem } from "@/lib/openapi/document";
import { ZSetLeftOutRequest } from "@/lib/schemas/publishing";

const idParam = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];
const conflict = { "409": { $ref: "#/components/responses/Conflict" } };

export function publishingPaths(): Record<string, PathItem> {
  return {
    "/api/v1/articles/{id}/publication": {
      parameters: idParam,
      get: {
        summary: "What publishing would do: blockers (one sentence each), publishable claims, the latest snapshot",
        tags: ["publishing"],
        responses: { "200": jsonResponse("{ publication }"), ...errorResponses },
      },
      post: {
        summary: "Publish, or publish an update: a new immutable snapshot readers see from now on",
        description:
          "Refused with 409 while any claim is neither approved nor left out; `error.blockers` lists them. Editors and admins.",
        tags: ["publishing"],
        responses: {
          "201": jsonResponse("{ published: { number, publishedAt, claimCount, sourceSlugs } }"),
          ...errorResponses,
          ...conflict,
        },
      },
      delete: {
        summary: "Unpublish: readers get 404; snapshots stay as history",
        tags: ["publishing"],
        responses: { "200": jsonResponse("{ state: unpublished }"), ...errorResponses, ...conflict },
      },
    },
    "/api/v1/claims/{id}/left-out": {
      parameters: idParam,
      patch: {
        summary: "Leave a claim out of publication (or include it again)",
        tags: ["publishing"],
        requestBody: jsonBody(ZSetLeftOutRequest),
        responses: { "200": jsonResponse("{ claimId, leftOut }"), ...errorResponses },
      },
    },
    "/api/v1/articles/{id}/annotations": {
      parameters: idParam,
      get: {
        summary:
          "The article's claims and evidence as a W3C Web Annotation AnnotationCollection (JSON-LD; TextQuote + TextPosition selectors, UTF-16 offsets)",
        tags: ["exports"],
        responses: { "200": jsonResponse("AnnotationCollection"), ...errorResponses },
      },
      post: {
        summary: "Import an AnnotationCollection: recreate claims (as drafts) and evidence",
        description:
          "Each claim is anchored in this article's text by its selectors: into a changed text it lands on the same words or is reported orphaned, never on other words. Evidence is found by source slug and anchored in the source's text.",
        tags: ["exports"],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                description: "An AnnotationCollection as GET answers it, or an array of its annotations",
              },
            },
          },
        },
        responses: { "201": jsonResponse("{ version, anchored, orphaned, claims[] }"), ...errorResponses, ...conflict },
      },
    },
    "/api/v1/articles/{id}/claims.csv": {
      parameters: idParam,
      get: {
        summary: "The article's claims as CSV (RFC 4180; cells starting with = + - @ are prefixed with ')",
        tags: ["exports"],
        responses: { "200": { description: "text/csv" }, ...errorResponses },
      },
    },
  };
}
