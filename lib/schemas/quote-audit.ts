import { z } from "zod";
import { ZSpeaker } from "@/lib/schemas/claims";
import { EVIDENCE_RELATIONS } from "@/lib/schemas/evidence";

const ZOffset = z.number().int().nonnegative();

/** The passage words a proposal cites: offsets into the passage's text; none = the whole passage. */
export const ZProposalEvidence = z
  .object({
    passageId: z.string().min(1).max(64),
    start: ZOffset.optional(),
    end: ZOffset.optional(),
    relation: z.enum(EVIDENCE_RELATIONS, { message: "Choose a relation: supports, contradicts or context." }),
  })
  .refine((v) => (v.start === undefined) === (v.end === undefined), {
    message: "Send both start and end, or neither for the whole passage.",
    path: ["end"],
  })
  .refine((v) => v.start === undefined || v.end === undefined || v.end > v.start, {
    message: "end must be after start.",
    path: ["end"],
  });

export const ZAcceptedProposal = z
  .object({
    /** The quoted words: offsets (UTF-16 code units) into the article's text. */
    start: ZOffset,
    end: ZOffset,
    speaker: ZSpeaker,
    evidence: ZProposalEvidence.nullable().optional(),
  })
  .refine((v) => v.end > v.start, { message: "end must be after start.", path: ["end"] });

export const ZAcceptQuoteProposalsRequest = z.object({
  version: z.number({ message: "Send the article version you audited." }).int().positive(),
  proposals: z
    .array(ZAcceptedProposal)
    .min(1, "Accept at least one proposal.")
    .max(1000, "Accept at most 1,000 proposals at once."),
});
export type TAcceptQuoteProposalsRequest = z.infer<typeof ZAcceptQuoteProposalsRequest>;
export type TAcceptedProposal = z.infer<typeof ZAcceptedProposal>;
