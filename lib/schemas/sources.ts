import { z } from "zod";

export const SOURCE_KINDS = ["memcon", "telcon", "transcript", "press_remarks", "interview", "report", "news_report", "archive_description", "other"] as const;
export const ZSourceKind = z.enum(SOURCE_KINDS, { message: "Choose the kind of document." });

/** The largest source text we accept: about 20 books' worth of characters. */
export const MAX_SOURCE_CHARS = 5_000_000;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const ZImportSourceRequest = z.object({
  title: z.string().trim().min(1, "Give the document a title.").max(500, "Use at most 500 characters."),
  kind: ZSourceKind,
  primary: z.boolean(),
  date: z.iso.date({ message: "Use a date like 2008-04-06." }).nullable().optional(),
  place: optionalText(500),
  participants: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
  collection: optionalText(500),
  url: z.url({ protocol: /^https?$/, message: "Use an http or https address." }).max(2000).nullable().optional(),
  reliabilityNote: z.string().trim().max(5000).default(""),
  text: z.string().min(1, "The document has no text.").max(MAX_SOURCE_CHARS, `A document may have at most ${MAX_SOURCE_CHARS.toLocaleString("en")} characters.`),
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,119}$/, "A slug uses lowercase letters, digits and hyphens.")
    .optional(),
  onDuplicate: z.enum(["refuse", "new_version"]).default("refuse"),
});
export type TImportSourceRequest = z.input<typeof ZImportSourceRequest>;
