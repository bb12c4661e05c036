import { z } from "zod";
import { ZArticleBody } from "@/lib/schemas/articles";
import { zInt4 } from "@/lib/schemas/common";
import { CLAIM_STATES } from "@/lib/workflow/claim-lifecycle";

export const CLAIM_KINDS = ["quote", "figure", "date", "attribution", "other"] as const;
export const ZClaimKind = z.enum(CLAIM_KINDS, { message: "Choose a kind: quote, figure, date, attribution or other." });

/** Claim ids are made by the browser (crypto.randomUUID) so the mark and the row share one id. */
export const ZClaimId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "A claim id is 8–64 letters, digits, '-' or '_'.");

/** A speaker: trimmed, at most 200 characters, "" for nobody. Shared by every claim form. */
export const ZSpeaker = z
  .string()
  .trim()
  .max(200, "Use at most 200 characters for the speaker.")
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

export const ZNewClaim = z.object({ id: ZClaimId, kind: ZClaimKind, speaker: ZSpeaker });

const ZVersion = zInt4("Send the article version you loaded.").positive("Send the article version you loaded.");

/**
 * Either plain-text offsets into the article's text (scripts, and the editor when it has no
 * unsaved edits), or the whole body with the new claim's mark already in it (the editor with
 * unsaved edits, which are saved with the mark); never both.
 */
export const ZCreateClaimRequest = z
  .object({
    version: ZVersion,
    claim: ZNewClaim.extend({ id: ZClaimId.optional() }),
    body: ZArticleBody.optional(),
    start: zInt4().nonnegative().optional(),
    end: zInt4().positive().optional(),
    /** With offsets: the words at [start, end) as the caller sees them, checked and never trimmed. */
    exact: z.string().min(1).max(1_000_000).optional().meta({
      description:
        "With start and end: the exact words there in the version sent (UTF-16 code units). The server checks them and does not trim quotation marks; a mismatch is refused (422).",
    }),
  })
  .refine((v) => (v.body === undefined) !== (v.start === undefined || v.end === undefined), {
    message: "Send either the body with the claim's mark, or start and end offsets into the article's text.",
  })
  .refine((v) => v.body === undefined || v.claim.id !== undefined, {
    message: "A body with a claim mark needs the claim's id.",
    path: ["claim", "id"],
  })
  .refine((v) => v.start === undefined || v.end === undefined || v.end > v.start, {
    message: "end must be after start.",
    path: ["end"],
  })
  .refine((v) => v.exact === undefined || v.body === undefined, {
    message: "Send exact only with start and end offsets.",
    path: ["exact"],
  });
export type TCreateClaimRequest = z.infer<typeof ZCreateClaimRequest>;

export const ZUpdateClaimRequest = z.object({
  version: zInt4("Send the claim version you loaded.").positive("Send the claim version you loaded."),
  kind: ZClaimKind.optional(),
  speaker: ZSpeaker,
  verdictKey: z.string().max(64).nullable().optional(),
  rationale: z.string().max(20_000, "Keep the rationale under 20,000 characters.").optional(),
});
export type TUpdateClaimRequest = z.infer<typeof ZUpdateClaimRequest>;

export const ZClaimListFilter = z.object({
  state: z.enum([...CLAIM_STATES, "orphaned"]).optional(),
  kind: ZClaimKind.optional(),
});

export const ZClaimVersionRequest = z.object({
  version: zInt4("Send the claim version you loaded.").positive("Send the claim version you loaded."),
});
export type TClaimVersionRequest = z.infer<typeof ZClaimVersionRequest>;
