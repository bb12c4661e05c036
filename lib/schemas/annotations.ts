import { z } from "zod";
import { ZClaimKind } from "@/lib/schemas/claims";

// What an annotation import accepts: the collection GET /annotations answers (or its items
// alone). Only what recreating a claim needs is read; other W3C properties are ignored.
const ZQuote = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: z.string().min(1).max(20_000),
  prefix: z.string().max(2_000).default(""),
  suffix: z.string().max(2_000).default(""),
});
const ZPosition = z.object({
  type: z.literal("TextPositionSelector"),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});
const ZSelectorList = z
  .array(z.union([ZQuote, ZPosition, z.object({ type: z.string() }).passthrough()]))
  .max(10)
  .refine((list) => list.some((s) => s.type === "TextQuoteSelector"), {
    message: "Each selector list needs a TextQuoteSelector.",
  });

const ZEvidenceBody = z.object({
  type: z.literal("SpecificResource"),
  "sm:relation": z.enum(["supports", "contradicts", "context"]),
  "sm:note": z.string().max(5_000).optional(),
  source: z.object({ id: z.string().max(2_000).optional(), "sm:slug": z.string().min(1).max(200) }),
  selector: ZSelectorList,
});
const ZTextBody = z.object({
  type: z.literal("TextualBody"),
  purpose: z.string().optional(),
  value: z.string().max(20_000),
  "sm:verdictKey": z.string().max(64).optional(),
});

export const ZAnnotation = z.object({
  id: z.string().max(2_000).optional(),
  type: z.literal("Annotation"),
  "sm:kind": ZClaimKind.default("other"),
  "sm:speaker": z.string().trim().max(200).optional(),
  body: z
    .array(z.union([ZEvidenceBody, ZTextBody, z.object({ type: z.string() }).passthrough()]))
    .max(200)
    .default([]),
  target: z.object({ source: z.string().max(2_000).optional(), selector: ZSelectorList }),
});
export type TAnnotation = z.infer<typeof ZAnnotation>;

export const ZAnnotationImportRequest = z
  .union([
    z.object({ type: z.literal("AnnotationCollection"), first: z.object({ items: z.array(ZAnnotation).max(2_000) }) }),
    z.array(ZAnnotation).max(2_000),
  ])
  .transform((v) => (Array.isArray(v) ? v : v.first.items));
export type TAnnotationImportRequest = z.input<typeof ZAnnotationImportRequest>;

export type ImportSpan = { exact: string; prefix: string; suffix: string; start?: number; end?: number };

/** The quote and (if any) position a selector list gives, as anchoring wants them. */
export function spanOf(list: z.infer<typeof ZSelectorList>): ImportSpan {
  const quote = list.find((s) => s.type === "TextQuoteSelector") as z.infer<typeof ZQuote>;
  const position = list.find((s) => s.type === "TextPositionSelector") as z.infer<typeof ZPosition> | undefined;
  return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position?.start, end: position?.end };
}
