import { z } from "zod";

const ZLabel = z.string().trim().min(1, "Give the verdict a label.").max(80, "Keep the label under 80 characters.");
const ZDescription = z.string().trim().max(500, "Keep the description under 500 characters.");
const ZRating = z
  .number({ message: "The ClaimReview rating is a whole number from 1 (false) to 5 (accurate)." })
  .int("The ClaimReview rating is a whole number from 1 (false) to 5 (accurate).")
  .min(1, "The ClaimReview rating is at least 1.")
  .max(5, "The ClaimReview rating is at most 5.");

export const ZCreateVerdictRequest = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, "The key is 2–40 lower-case letters, digits or _, starting with a letter."),
  label: ZLabel,
  description: ZDescription.default(""),
  rating: ZRating,
  requiresRationale: z.boolean().default(true),
});
export type TCreateVerdictRequest = z.infer<typeof ZCreateVerdictRequest>;

export const ZUpdateVerdictRequest = z
  .object({
    label: ZLabel.optional(),
    description: ZDescription.optional(),
    rating: ZRating.optional(),
    requiresRationale: z.boolean().optional(),
    archived: z.boolean().optional(),
    position: z.number().int().min(1).max(1000).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Send at least one field to change." });
export type TUpdateVerdictRequest = z.infer<typeof ZUpdateVerdictRequest>;
