import "server-only";
import { z } from "zod";
import { errorResponses, jsonBody, jsonResponse, type PathItem } from "@/lib/openapi/document";
import {
  MAX_QUERY_CHARS,
  MAX_UPLOAD_BYTES,
  SOURCE_KINDS,
  ZImportSourceMetadata,
  ZImportSourceRequest,
  ZPassagePatch,
  ZSplitBody,
  ZSuggestPassagesRequest,
} from "@/lib/schemas/sources";

const idParam = (description: string) => [
  { name: "id", in: "path", required: true, description, schema: { type: "string" } },
];
const query = (name: string, description: string, schema: Record<string, unknown> = { type: "string" }) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});

function multipartImport() {
  const metadata = z.toJSONSchema(ZImportSourceMetadata, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return {
    required: true,
    content: {
      "multipart/form-data": {
        schema: {
          type: "object",
          required: ["title", "kind"],
          properties: {
            ...metadata.properties,
            participants: { type: "string", description: "One participant per line (or separated by semicolons)." },
            primary: { type: "string", enum: ["true", "false"] },
            file: {
              type: "string",
              format: "binary",
              description:
                ".txt, .md, .html or .pdf (a PDF needs a text layer). UTF-8, UTF-16 with BOM and Windows-1252 are detected.",
            },
            text: { type: "string", description: "Pasted text, when no file is sent." },
          },
        },
      },
    },
  };
}

/** Sources, passages and search. */
export function sourcePaths(): Record<string, PathItem> {
  // Built inside the function: document.ts imports this module, so its helpers are not ready at load.
  const tooLarge = { "413": jsonResponse(`Over a limit (files: ${MAX_UPLOAD_BYTES / 1024 / 1024} MB).`) };
  const conflict = { "409": { $ref: "#/components/responses/Conflict" } };
  return {
    "/api/v1/sources": {
      get: {
        summary: "List source documents",
        tags: ["sources"],
        responses: { "200": jsonResponse("The sources you may see"), ...errorResponses },
      },
      post: {
        summary: "Import a source from JSON text",
        description:
          "One transaction: the document and its passages are stored together or not at all. The same text again is refused (409, with `existing`) unless `onDuplicate` is `new_version`.",
        tags: ["sources"],
        requestBody: jsonBody(ZImportSourceRequest),
        responses: { "201": jsonResponse("Imported"), ...conflict, ...tooLarge, ...errorResponses },
      },
    },
    "/api/v1/sources/import": {
      post: {
        summary: "Import a source from a file or pasted text (multipart)",
        description:
          "The browser's import page uses this route so it can show upload progress. A PDF without a text layer is refused with a message that it needs OCR.",
        tags: ["sources"],
        requestBody: multipartImport(),
        responses: {
          "201": jsonResponse("Imported"),
          ...conflict,
          ...tooLarge,
          "415": jsonResponse("Not a file type Sourcemark reads, or binary."),
          ...errorResponses,
        },
      },
    },
    "/api/v1/sources/{id}": {
      parameters: idParam("The document's id or slug"),
      get: {
        summary: "Read a source document whole, with its passages",
        tags: ["sources"],
        parameters: [
          query("from", "A window of passages from this ordinal", { type: "integer", minimum: 0 }),
          query("size", "How many passages in the window (up to 1000)", { type: "integer", minimum: 1, maximum: 1000 }),
          query("passage", "A window around this passage's id"),
        ],
        responses: { "200": jsonResponse("The source"), ...errorResponses },
      },
    },
    "/api/v1/passages/{id}": {
      parameters: idParam("The passage's id"),
      get: {
        summary: "Read a passage with its document and reliability note",
        tags: ["passages"],
        responses: { "200": jsonResponse("The passage"), ...errorResponses },
      },
      patch: {
        summary: "Change the passage's speaker",
        tags: ["passages"],
        requestBody: jsonBody(ZPassagePatch),
        responses: { "200": jsonResponse("The passage"), ...errorResponses },
      },
    },
    "/api/v1/passages/{id}/merge": {
      parameters: idParam("The first of the two passages"),
      post: {
        summary: "Merge a passage with the next one",
        description: "Evidence linked to the second passage moves to the first.",
        tags: ["passages"],
        responses: { "200": jsonResponse("Merged"), ...errorResponses },
      },
    },
    "/api/v1/passages/{id}/split": {
      parameters: idParam("The passage to split"),
      post: {
        summary: "Split a passage in two",
        description:
          "`at` counts UTF-16 code units from the start of the passage's text. Evidence in the second half moves to the new passage; evidence spanning the point refuses the split (409).",
        tags: ["passages"],
        requestBody: jsonBody(ZSplitBody),
        responses: { "201": jsonResponse("Split"), ...conflict, ...errorResponses },
      },
    },
    "/api/v1/search": {
      get: {
        summary: "Search passages",
        description:
          "In tiers: the exact phrase, then all words in any form or spelling (stemmed), then near matches through OCR noise (character-level similarity over the phrase, `score` from 0 to 1). Within the first two tiers, a query of several words is ranked by how close together they stand; a single word lists the newest source first; ties go newest source first, then by place in the document. A query in quotation marks asks for the exact phrase only. Results carry highlighted snippet segments.",
        tags: ["search"],
        parameters: [
          { name: "q", in: "query", required: true, schema: { type: "string", maxLength: MAX_QUERY_CHARS } },
          query("document", "A document's slug or id"),
          query("speaker", "Part of the speaker's name, any case"),
          query("kind", "Kind of document", { type: "string", enum: [...SOURCE_KINDS] }),
          query("primaryOnly", "1 for primary sources only", { type: "string", enum: ["1", "0"] }),
          query("from", "Documents dated on or after", { type: "string", format: "date" }),
          query("to", "Documents dated on or before", { type: "string", format: "date" }),
          query("page", "1-based page", { type: "integer", minimum: 1 }),
          query("pageSize", "Results per page (up to 50)", { type: "integer", minimum: 1, maximum: 50 }),
        ],
        responses: { "200": jsonResponse("A page of results, with `hasMore`"), ...errorResponses },
      },
    },
    "/api/v1/search/suggestions": {
      post: {
        summary: "Suggest passages for a claim's words",
        tags: ["search"],
        requestBody: jsonBody(ZSuggestPassagesRequest),
        responses: { "200": jsonResponse("Best passages first"), ...errorResponses },
      },
    },
  };
}
