import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/policies";
import { AppError, notFound } from "@/lib/errors";
import type { EvidenceRelation } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { checkEvidence } from "@/lib/services/evidence/check-evidence";
import { describeRange } from "@/lib/text/anchoring/anchoring";
import { snapEnd, snapStart } from "@/lib/text/core/characters";

export type EvidenceInput = {
  claimId: string;
  passageId: string;
  /** Offsets into the passage's text (UTF-16 code units); both omitted = the whole passage. */
  start?: number;
  end?: number;
  relation: EvidenceRelation;
  note?: string;
};

/**
 * Writes one evidence row inside the caller's transaction: the span becomes offsets into the
 * document's text (so passage merges and splits never move it) with its TextQuote selector,
 * and a quote claim gets its quote check. The caller has loaded (and locked) the claim.
 */
export async function insertEvidence(tx: Tx, actor: Actor, input: EvidenceInput) {
  const claim = await tx.claim.findUnique({
    where: { id: input.claimId },
    select: { id: true, kind: true, exact: true, speaker: true },
  });
  if (!claim) throw notFound("That claim");
  const passage = await tx.passage.findUnique({
    where: { id: input.passageId },
    select: {
      id: true,
      start: true,
      text: true,
      speaker: true,
      document: { select: { id: true, text: true, title: true } },
    },
  });
  if (!passage) throw notFound("That passage");
  const length = passage.text.length;
  let from = input.start ?? 0;
  let to = input.end ?? length;
  if (from > length || to > length)
    throw new AppError("invalid_input", `The passage has ${length} characters; the span must lie inside it.`);
  if (to <= from) throw new AppError("invalid_input", "The end of the cited words must come after their start.");
  // Never cut a character in half (surrogate pairs, combining marks).
  from = snapStart(passage.text, from);
  to = snapEnd(passage.text, to);
  if (!/[\p{L}\p{N}]/u.test(passage.text.slice(from, to)))
    throw new AppError("invalid_input", "Select the words that bear on the claim: the span holds no words.");
  const documentText = passage.document.text;
  const selectors = describeRange(documentText, passage.start + from, passage.start + to);
  const exact = selectors.quote.exact;
  const check = checkEvidence(claim, exact, passage.speaker);
  const duplicate = await tx.evidence.findFirst({
    where: { claimId: claim.id, passageId: passage.id, start: selectors.position.start, end: selectors.position.end },
    select: { id: true },
  });
  if (duplicate) throw new AppError("conflict", "These words are already linked to this claim.");
  const row = await tx.evidence.create({
    data: {
      claimId: claim.id,
      passageId: passage.id,
      relation: input.relation,
      exact,
      prefix: selectors.quote.prefix,
      suffix: selectors.quote.suffix,
      start: selectors.position.start,
      end: selectors.position.end,
      note: input.note ?? "",
      quoteCheck: check.quoteCheck,
      quoteCheckDetail: check.quoteCheckDetail ?? undefined,
      createdById: actor.id,
    },
  });
  await recordAuditEvent(tx, {
    actorId: actor.id,
    action: "evidence.link",
    entityType: "evidence",
    entityId: row.id,
    after: {
      claimId: claim.id,
      passageId: passage.id,
      document: passage.document.title,
      relation: row.relation,
      exact,
      start: row.start,
      end: row.end,
      quoteCheck: row.quoteCheck,
    },
  });
  return row;
}
