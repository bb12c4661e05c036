import "server-only";
import { errorResponses, jsonBody, jsonResponse, type PathItem } from "@/lib/openapi/document";
import { ZClaimVersionRequest } from "@/lib/schemas/claims";
import { ZAddCommentRequest } from "@/lib/schemas/comments";
import { ZLinkEvidenceRequest, ZUpdateEvidenceRequest } from "@/lib/schemas/evidence";
import { ZReviewClaimRequest } from "@/lib/schemas/reviews";
import { ZCreateVerdictRequest, ZUpdateVerdictRequest } from "@/lib/schemas/verdicts";

const idParam = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];
const conflict = { "409": { $ref: "#/components/responses/Conflict" } };
const query = (name: string, description: string) => ({
  name,
  in: "query",
  required: false,
  schema: { type: "string" },
  description,
});

/** Evidence, quote checks, verdicts, submissions, reviews, comments and the verdict set. */
export function reviewPaths(): Record<string, PathItem> {
  return {
    "/api/v1/claims/{id}/dossier": {
      parameters: idParam,
      get: {
        summary:
          "A claim with its evidence (quote checks), competing wordings, reviews, comments, history and what you may do",
        tags: ["review"],
        responses: { "200": jsonResponse("The dossier"), ...errorResponses },
      },
    },
    "/api/v1/claims/{id}/evidence": {
      parameters: idParam,
      get: {
        summary: "The claim's evidence, each with its source, cited words and quote check",
        tags: ["evidence"],
        responses: { "200": jsonResponse("The evidence"), ...errorResponses },
      },
      post: {
        summary: "Link evidence: the words of a passage that bear on the claim",
        description:
          "`start`/`end` are offsets into the passage's text in UTF-16 code units; leave both out to cite the whole passage. The span is stored as offsets into the document's text, so merging or splitting passages never moves it. A quote claim gets its quote check (verbatim, minor differences, altered, not found) with a word-by-word comparison. Linking evidence to a claim in review or approved makes it stale.",
        tags: ["evidence"],
        requestBody: jsonBody(ZLinkEvidenceRequest),
        responses: { "201": jsonResponse("The evidence and the claim"), ...errorResponses, ...conflict },
      },
    },
    "/api/v1/evidence/{id}": {
      parameters: idParam,
      patch: {
        summary: "Change the relation (supports, contradicts, context) or note",
        description:
          "`was` is the relation and note the client saw; when the evidence no longer has them, the change is refused with 409 (someone else changed it). On an approved or in-review claim, a new relation or note makes the claim stale.",
        tags: ["evidence"],
        requestBody: jsonBody(ZUpdateEvidenceRequest),
        responses: { "200": jsonResponse("The evidence and the claim"), ...errorResponses },
      },
      delete: {
        summary: "Unlink evidence (an approved claim becomes stale)",
        tags: ["evidence"],
        responses: { "200": jsonResponse("The claim"), ...errorResponses },
      },
    },
    "/api/v1/claims/{id}/submit": {
      parameters: idParam,
      post: {
        summary: "Submit a claim for review (needs a verdict, a rationale when the verdict asks for one, and evidence)",
        tags: ["review"],
        requestBody: jsonBody(ZClaimVersionRequest),
        responses: { "200": jsonResponse("The claim"), ...errorResponses, ...conflict },
      },
    },
    "/api/v1/claims/{id}/confirm": {
      parameters: idParam,
      post: {
        summary: "A stale claim's verdict still holds: back to review",
        tags: ["review"],
        requestBody: jsonBody(ZClaimVersionRequest),
        responses: { "200": jsonResponse("The claim"), ...errorResponses, ...conflict },
      },
    },
    "/api/v1/claims/{id}/reviews": {
      parameters: idParam,
      get: {
        summary: "The claim's reviews, oldest first",
        tags: ["review"],
        responses: { "200": jsonResponse("The reviews"), ...errorResponses },
      },
      post: {
        summary: "Review a claim in review: approve, request_changes or reject (the last two need a comment)",
        description:
          "Nobody reviews a claim whose verdict they set or whose evidence they linked (403). Approving freezes the claim's words, verdict, rationale and evidence words; any later change makes it stale.",
        tags: ["review"],
        requestBody: jsonBody(ZReviewClaimRequest),
        responses: { "201": jsonResponse("The review and the claim"), ...errorResponses, ...conflict },
      },
    },
    "/api/v1/review-queue": {
      get: {
        summary: "Claims waiting for review (and stale ones), oldest first",
        tags: ["review"],
        parameters: [
          query("articleId", "Only this article"),
          query("verdictKey", "Only this verdict"),
          query("editorId", "Only claims judged by this person"),
        ],
        responses: { "200": jsonResponse("The queue"), ...errorResponses },
      },
    },
    "/api/v1/claims/{id}/comments": {
      parameters: idParam,
      get: {
        summary: "The claim's comment thread",
        tags: ["comments"],
        responses: { "200": jsonResponse("The comments"), ...errorResponses },
      },
      post: {
        summary: "Comment on a claim; `@Name` mentions a colleague",
        tags: ["comments"],
        requestBody: jsonBody(ZAddCommentRequest),
        responses: { "201": jsonResponse("The comment"), ...errorResponses },
      },
    },
    "/api/v1/mentions": {
      get: {
        summary: "Comments that mention you, newest first",
        tags: ["comments"],
        responses: { "200": jsonResponse("The comments"), ...errorResponses },
      },
    },
    "/api/v1/users/mentionable": {
      get: {
        summary: "Colleagues a comment can mention, by name",
        tags: ["comments"],
        parameters: [query("q", "The start of a name")],
        responses: { "200": jsonResponse("The users"), ...errorResponses },
      },
    },
    "/api/v1/verdicts": {
      get: {
        summary: "The verdict set (labels, descriptions, ClaimReview ratings)",
        tags: ["verdicts"],
        parameters: [query("archived", "1 to include retired verdicts")],
        responses: { "200": jsonResponse("The verdicts"), ...errorResponses },
      },
      post: {
        summary: "Add a verdict (admin)",
        tags: ["verdicts"],
        requestBody: jsonBody(ZCreateVerdictRequest),
        responses: { "201": jsonResponse("The verdict"), ...errorResponses, ...conflict },
      },
    },
    "/api/v1/verdicts/{key}": {
      parameters: [{ name: "key", in: "path", required: true, schema: { type: "string" } }],
      patch: {
        summary: "Edit or archive a verdict (admin)",
        tags: ["verdicts"],
        requestBody: jsonBody(ZUpdateVerdictRequest),
        responses: { "200": jsonResponse("The verdict"), ...errorResponses },
      },
    },
  };
}
