import { z } from "zod";
import { optionalText, zBoundedCount, zInt4Param, zIsoDate } from "@/lib/schemas/common";

export const SOURCE_KINDS = [
  "memcon",
  "telcon",
  "transcript",
  "press_remarks",
  "interview",
  "report",
  "news_report",
  "archive_description",
  "other",
] as const;
export const ZSourceKind = z.enum(SOURCE_KINDS, { message: "Choose the kind of document." });

/** The largest source text we accept: about 20 books' worth of characters. */
export const MAX_SOURCE_CHARS = 5_000_000;

export const ZImportSourceRequest = z.object({
  title: z.string().trim().min(1, "Give the document a title.").max(500, "Use at most 500 characters."),
  kind: ZSourceKind,
  primary: z.boolean(),
  date: zIsoDate().nullable().optional(),
  place: optionalText(500),
  participants: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
  collection: optionalText(500),
  url: z
    .url({ protocol: /^https?$/, message: "Use an http or https address." })
    .max(2000)
    .nullable()
    .optional(),
  reliabilityNote: z.string().trim().max(5000).default(""),
  text: z
    .string()
    .min(1, "The document has no text.")
    .max(MAX_SOURCE_CHARS, `A document may have at most ${MAX_SOURCE_CHARS.toLocaleString("en")} characters.`),
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,119}$/, "A slug uses lowercase letters, digits and hyphens.")
    .optional(),
  onDuplicate: z.enum(["refuse", "new_version"]).default("refuse"),
});
export type TImportSourceRequest = z.input<typeof ZImportSourceRequest>;

/** The longest search a person types; a claim's words for suggestions may be longer. */
export const MAX_QUERY_CHARS = 300;
export const MAX_CLAIM_QUERY_CHARS = 2_000;
export const SEARCH_PAGE_SIZE = 20;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const flag = (v: unknown) => v === true || v === "1" || v === "true" || v === "on";

export const ZSearchFilters = z.object({
  /** A document's slug or id. */
  document: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  speaker: z.preprocess(blankToUndefined, z.string().trim().max(200, "Use at most 200 characters.").optional()),
  kind: z.preprocess(blankToUndefined, ZSourceKind.optional()),
  primaryOnly: z.preprocess(flag, z.boolean()).default(false),
  from: z.preprocess(blankToUndefined, zIsoDate().optional()),
  to: z.preprocess(blankToUndefined, zIsoDate().optional()),
});
export type TSearchFilters = z.output<typeof ZSearchFilters>;

export const ZSearchRequest = ZSearchFilters.extend({
  q: z
    .string()
    .trim()
    .min(1, "Type something to search for.")
    .max(MAX_QUERY_CHARS, `A search may have at most ${MAX_QUERY_CHARS} characters.`),
  page: z.preprocess(
    blankToUndefined,
    zBoundedCount(
      "Use a whole number for the page.",
      [1, "Pages are numbered from 1."],
      [500, "Use a page up to 500; narrow the search to see further."],
    ).default(1),
  ),
  pageSize: z.preprocess(
    blankToUndefined,
    zBoundedCount(
      "Use a whole number of results per page.",
      [1, "Show at least 1 result per page."],
      [50, "Show at most 50 results per page."],
    ).default(SEARCH_PAGE_SIZE),
  ),
});
export type TSearchRequest = z.input<typeof ZSearchRequest>;

export const ZSuggestPassagesRequest = z.object({
  text: z
    .string()
    .trim()
    .min(1, "The claim has no words.")
    .max(MAX_CLAIM_QUERY_CHARS, `Use at most ${MAX_CLAIM_QUERY_CHARS} characters of the claim.`),
  limit: zBoundedCount(
    "Use a whole number of passages.",
    [1, "Ask for at least 1 passage."],
    [20, "Ask for at most 20 passages."],
  ).default(5),
});
export type TSuggestPassagesRequest = z.input<typeof ZSuggestPassagesRequest>;

/** The largest file an editor may upload (a long PDF report fits; a scanned book does not). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
export const SOURCE_FILE_TYPES = ["txt", "md", "html", "pdf"] as const;
export type SourceFileType = (typeof SOURCE_FILE_TYPES)[number];
export const ACCEPT_SOURCE_FILES =
  ".txt,.text,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf";

/** The metadata of an import, without the text (which comes from a file or a pasted field). */
export const ZImportSourceMetadata = ZImportSourceRequest.omit({ text: true });

export const ZMergePassagesRequest = z.object({ passageId: z.string().min(1).max(100) });
export type TMergePassagesRequest = z.input<typeof ZMergePassagesRequest>;

export const ZSplitPassageRequest = z.object({
  passageId: z.string().min(1).max(100),
  /** Where to split, in UTF-16 code units from the start of the passage's text. */
  at: zInt4Param("Put the cursor where the passage should split.").min(
    1,
    "Put the cursor inside the passage, not at its start.",
  ),
});
export type TSplitPassageRequest = z.input<typeof ZSplitPassageRequest>;

export const ZSetPassageSpeakerRequest = z.object({
  passageId: z.string().min(1).max(100),
  speaker: z
    .string()
    .trim()
    .max(120, "Use at most 120 characters.")
    .transform((v) => (v === "" ? null : v))
    .nullable(),
});
export type TSetPassageSpeakerRequest = z.input<typeof ZSetPassageSpeakerRequest>;

/** PATCH /api/v1/passages/{id} and POST …/split bodies: the passage comes from the path. */
export const ZPassagePatch = z.object({ speaker: z.string().max(120, "Use at most 120 characters.").nullable() });
export const ZSplitBody = ZSplitPassageRequest.pick({ at: true });

/** GET /api/v1/sources/{id}?from=&size=&passage=: a window of a long document's passages. */
export const ZPassageWindowQuery = z.object({
  from: zInt4Param().min(0).optional(),
  size: zBoundedCount(
    "Use a whole number of passages.",
    [1, "Ask for at least 1 passage."],
    [1000, "Ask for at most 1,000 passages at a time."],
  ).optional(),
  passage: z.string().max(100).optional(),
});
