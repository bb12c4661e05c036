import { z } from "zod";
import { zInt4 } from "@/lib/schemas/common";

export const REVIEW_DECISIONS = ["approve", "request_changes", "reject"] as const;

export const ZReviewClaimRequest = z.object({
  version: zInt4("Send the claim version you reviewed.").positive("Send the claim version you reviewed."),
  decision: z.enum(REVIEW_DECISIONS, { message: "Decide: approve, request_changes or reject." }),
  comment: z.string().max(10_000, "Keep the comment under 10,000 characters.").optional(),
});
export type TReviewClaimRequest = z.infer<typeof ZReviewClaimRequest>;

const ZFilterId = z
  .string()
  .max(64, "That is not an id.")
  .regex(/^[A-Za-z0-9_-]+$/, "That is not an id.")
  .optional();
export const ZReviewQueueFilter = z.object({ articleId: ZFilterId, verdictKey: ZFilterId, editorId: ZFilterId });
export type TReviewQueueFilter = z.infer<typeof ZReviewQueueFilter>;
