import { z } from "zod";

export const EVIDENCE_RELATIONS = ["supports", "contradicts", "context"] as const;
export const ZEvidenceRelation = z.enum(EVIDENCE_RELATIONS, {
  message: "Choose how the passage bears on the claim: supports, contradicts or context.",
});
export const ZNote = z.string().max(2_000, "Keep the note under 2,000 characters.");
const ZOffset = z
  .number({ message: "Offsets are whole numbers." })
  .int("Offsets are whole numbers.")
  .nonnegative("Offsets start at 0.")
  .max(10_000_000, "That offset is past any passage.");

/** Offsets into the passage's text (UTF-16 code units); leave both out to cite the whole passage. */
export const ZLinkEvidenceRequest = z
  .object({
    passageId: z.string().min(1, "Say which passage to cite.").max(64, "That is not a passage id."),
    start: ZOffset.optional(),
    end: ZOffset.optional(),
    relation: ZEvidenceRelation,
    note: ZNote.optional(),
  })
  .refine((v) => (v.start === undefined) === (v.end === undefined), {
    message: "Send both start and end, or neither to cite the whole passage.",
    path: ["end"],
  })
  .refine((v) => v.start === undefined || v.end === undefined || v.end > v.start, {
    message: "end must be after start.",
    path: ["end"],
  });
export type TLinkEvidenceRequest = z.infer<typeof ZLinkEvidenceRequest>;

/**
 * `was` is the relation and note the editor saw: when the evidence no longer has them (someone
 * else changed it meanwhile), the change is refused with 409 instead of overwriting theirs. It is
 * required, so no client can overwrite a change it never saw. Its note is not held to the limit
 * for new notes: it only has to match what is stored.
 */
export const ZUpdateEvidenceRequest = z
  .object({
    relation: ZEvidenceRelation.optional(),
    note: ZNote.optional(),
    was: z.object(
      { relation: ZEvidenceRelation, note: z.string().max(100_000) },
      {
        error:
          "Send `was`: the relation and note you saw (from GET /claims/{id}/evidence), so a change someone made meanwhile is not overwritten.",
      },
    ),
  })
  .refine((v) => v.relation !== undefined || v.note !== undefined, { message: "Send a relation or a note to change." });
export type TUpdateEvidenceRequest = z.infer<typeof ZUpdateEvidenceRequest>;
