import { z } from "zod";
import { ZClaimKind } from "@/lib/schemas/claims";
import { ZNote } from "@/lib/schemas/evidence";

// What an annotation import accepts: the collection GET /annotations answers (or its items
// alone). Only what recreating a claim needs is read; other W3C properties are ignored.
const ZQuote = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: z
    .string({ error: "Give the quoted words as text." })
    .min(1, "Give the quoted words as text.")
    .max(20_000, "Quote at most 20,000 characters."),
  prefix: z.string().max(2_000).default(""),
  suffix: z.string().max(2_000).default(""),
});
const ZPosition = z.object({
  type: z.literal("TextPositionSelector"),
  start: z.number({ error: "Give the start as a character offset." }).int().nonnegative(),
  end: z.number({ error: "Give the end as a character offset." }).int().positive(),
});
/**
 * One item of a W3C list, read by its `type`: the types we read must be whole (a
 * TextQuoteSelector without `exact` is refused with what is wrong, not passed on unchecked); any
 * other type is kept as it is and ignored.
 */
function byType<S extends Record<string, z.ZodType<{ type: string }>>>(schemas: S) {
  return z
    .object({ type: z.string().max(200) })
    .passthrough()
    .transform((value, ctx): z.output<S[keyof S]> | { type: string } => {
      const schema = Object.hasOwn(schemas, value.type) ? schemas[value.type] : undefined;
      if (!schema) return value;
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data as z.output<S[keyof S]>;
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: "custom", path: issue.path as PropertyKey[], message: `${value.type}: ${issue.message}` });
      return z.NEVER;
    });
}
const ZSelectorList = z
  .array(byType({ TextQuoteSelector: ZQuote, TextPositionSelector: ZPosition }))
  .max(10)
  .refine((list) => list.some((s) => s.type === "TextQuoteSelector"), {
    message: "Each selector list needs a TextQuoteSelector.",
  });

const ZEvidenceBody = z.object({
  type: z.literal("SpecificResource"),
  "sm:relation": z.enum(["supports", "contradicts", "context"]),
  "sm:note": ZNote.optional(),
  source: z.object({ id: z.string().max(2_000).optional(), "sm:slug": z.string().min(1).max(200) }),
  selector: ZSelectorList,
});
const ZTextBody = z.object({
  type: z.literal("TextualBody"),
  purpose: z.string().optional(),
  value: z.string({ error: "Give the text as a string." }).max(20_000, "Keep the text under 20,000 characters."),
  "sm:verdictKey": z.string().max(64).optional(),
});

export const ZAnnotation = z.object({
  id: z.string().max(2_000).optional(),
  type: z.literal("Annotation"),
  "sm:kind": ZClaimKind.default("other"),
  "sm:speaker": z.string().trim().max(200).optional(),
  body: z
    .array(byType({ SpecificResource: ZEvidenceBody, TextualBody: ZTextBody }))
    .max(200)
    .default([]),
  target: z.object({ source: z.string().max(2_000).optional(), selector: ZSelectorList }),
});
export type TAnnotation = z.infer<typeof ZAnnotation>;

const ZItems = z.array(ZAnnotation).max(2_000);
const ZCollection = z
  .object({ type: z.literal("AnnotationCollection"), first: z.object({ items: ZItems }) })
  .transform((v) => v.first.items);
/**
 * An AnnotationCollection or its items alone. Read by shape rather than through a union, so a
 * refusal names the field that is wrong instead of zod's "Invalid input" for the whole request.
 */
export const ZAnnotationImportRequest = z
  .union([z.array(z.unknown()), z.object({}).passthrough()], {
    error: "Send an AnnotationCollection (as GET /annotations answers) or a list of its items.",
  })
  .transform((value, ctx): z.output<typeof ZItems> => {
    const parsed = (Array.isArray(value) ? ZItems : ZCollection).safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: "custom", path: issue.path as PropertyKey[], message: issue.message });
    return z.NEVER;
  });
export type TAnnotationImportRequest = z.input<typeof ZCollection> | z.input<typeof ZItems>;

export type ImportSpan = { exact: string; prefix: string; suffix: string; start?: number; end?: number };

/** The quote and (if any) position a selector list gives, as anchoring wants them. */
export function spanOf(list: z.infer<typeof ZSelectorList>): ImportSpan {
  const quote = list.find((s) => s.type === "TextQuoteSelector") as z.infer<typeof ZQuote>;
  const position = list.find((s) => s.type === "TextPositionSelector") as z.infer<typeof ZPosition> | undefined;
  return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position?.start, end: position?.end };
}
