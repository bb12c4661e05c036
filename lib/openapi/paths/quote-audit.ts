import "server-only";
import { errorResponses, jsonBody, jsonResponse, type PathItem } from "@/lib/openapi/document";
import { ZAcceptQuoteProposalsRequest } from "@/lib/schemas/quote-audit";

const idParam = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];

const match = {
  type: "object",
  properties: {
    passageId: { type: "string" },
    documentId: { type: "string" },
    documentTitle: { type: "string" },
    documentSlug: { type: "string" },
    documentKind: { type: "string" },
    primary: { type: "boolean" },
    passageSpeaker: { type: ["string", "null"] },
    result: { type: "string", enum: ["verbatim", "minor_differences", "altered", "not_found"] },
    similarity: { type: "number" },
    spanStart: { type: ["integer", "null"], description: "Offset (UTF-16 code units) into the passage's text" },
    spanEnd: { type: ["integer", "null"] },
    spanText: { type: ["string", "null"] },
    notes: { type: "array", items: { type: "string" } },
    alignment: {
      type: "array",
      description:
        'The quotation against the matched words, run by run: equal, insert (only in the article), delete (only in the source) or replace, with the reason a difference is minor, or "words" when it is a change',
      items: {
        type: "object",
        required: ["op"],
        properties: {
          op: { type: "string", enum: ["equal", "insert", "delete", "replace"] },
          article: { type: "string" },
          source: { type: "string" },
          reason: { type: "string" },
        },
      },
    },
  },
};
const proposal = {
  type: "object",
  properties: {
    start: {
      type: "integer",
      description: "Offset (UTF-16 code units) into the article's text; quotation marks left out",
    },
    end: { type: "integer" },
    exact: { type: "string" },
    speaker: { type: ["string", "null"] },
    scare: { type: "boolean", description: "One word in quotation marks that nobody says: not searched" },
    continues: {
      type: ["integer", "null"],
      description: "Index of the earlier fragment of a quotation split by narration",
    },
    coveredByClaimId: { type: ["string", "null"], description: "A quote claim already on these words" },
    best: { oneOf: [match, { type: "null" }] },
    alternatives: { type: "array", items: match },
  },
};

export function quoteAuditPaths(): Record<string, PathItem> {
  return {
    "/api/v1/articles/{id}/quote-audit": {
      parameters: idParam,
      post: {
        summary:
          "Check quotes: find every quotation, propose a claim with its speaker, search the library and quote-check the best passages. Saves nothing.",
        description:
          'Answers `application/x-ndjson`, one JSON object a line: `{ type: "start", total }`, then `{ type: "quotation", index, done, total, proposal }` for each quotation as it is checked (not in order), then `{ type: "done", articleId, version, proposals, truncated }` (or `{ type: "error", message }`). Send `version` from the last line when accepting. A quotation split by narration is two proposals, the second with `continues`.',
        tags: ["quote audit"],
        responses: {
          "200": {
            description: "The audit, streamed",
            content: {
              "application/x-ndjson": {
                schema: {
                  type: "object",
                  properties: {
                    type: { type: "string", enum: ["start", "quotation", "done", "error"] },
                    proposal,
                    proposals: { type: "array", items: proposal },
                  },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    "/api/v1/articles/{id}/quote-audit/accept": {
      parameters: idParam,
      post: {
        summary:
          "Accept quote-audit proposals: one quote claim each (marked in the body), with the chosen evidence, in one transaction",
        tags: ["quote audit"],
        requestBody: jsonBody(ZAcceptQuoteProposalsRequest),
        responses: {
          "201": jsonResponse("The created claims and the article's new version"),
          ...errorResponses,
          "409": { $ref: "#/components/responses/Conflict" },
        },
      },
    },
  };
}
