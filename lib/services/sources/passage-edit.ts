import "server-only";
// Shared steps of the passage fixes (merge, split, speaker): load and lock the document,
// renumber ordinals without tripping @@unique([documentId, ordinal]), re-point evidence.
import type { Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { findPassageForSpan, PassageError, type Passage } from "@/lib/text/segmentation/segment";

export type EditablePassage = Passage & { id: string };
export type EditContext = {
  document: { id: string; slug: string; text: string };
  passages: EditablePassage[];
  target: EditablePassage;
};

// Above any real ordinal (MAX_PASSAGES is 20,000): rows parked here cannot collide.
const PARK = 1_000_000;

/** Loads a passage's document, locking it so two fixes of one document run one after another. */
export async function loadForEdit(tx: Tx, passageId: string): Promise<EditContext> {
  const passage = await tx.passage.findUnique({ where: { id: passageId }, select: { documentId: true } });
  if (!passage) throw notFound("That passage");
  // An UPDATE takes the row lock; concurrent fixes of the same document wait here.
  const document = await tx.sourceDocument.update({
    where: { id: passage.documentId },
    data: { updatedAt: new Date() },
    select: { id: true, slug: true, text: true },
  });
  const rows = await tx.passage.findMany({
    where: { documentId: document.id },
    orderBy: { ordinal: "asc" },
    select: { id: true, ordinal: true, speaker: true, start: true, end: true },
  });
  const passages = rows.map((r) => ({ ...r, labelStart: null }));
  // A fix that committed while we waited for the lock may have merged this passage away.
  const target = passages.find((p) => p.id === passageId);
  if (!target) throw notFound("That passage");
  return { document, passages, target };
}

/** Adds `delta` to every ordinal above `after`, in two steps so no two rows ever share one. */
export async function shiftOrdinals(tx: Tx, documentId: string, after: number, delta: number): Promise<void> {
  await tx.passage.updateMany({
    where: { documentId, ordinal: { gt: after } },
    data: { ordinal: { increment: PARK } },
  });
  await tx.passage.updateMany({
    where: { documentId, ordinal: { gte: PARK } },
    data: { ordinal: { increment: delta - PARK } },
  });
}

/** Points each evidence row of `fromIds` at the new passage that holds its span. */
export async function repointEvidence(
  tx: Tx,
  fromIds: string[],
  passages: readonly EditablePassage[],
): Promise<{ evidenceId: string; from: string; to: string }[]> {
  const evidence = await tx.evidence.findMany({
    where: { passageId: { in: fromIds } },
    select: { id: true, passageId: true, start: true, end: true },
  });
  const moves: { evidenceId: string; from: string; to: string }[] = [];
  for (const e of evidence) {
    const home = findPassageForSpan(passages, e.start, e.end) as EditablePassage | null;
    if (!home)
      throw new AppError(
        "conflict",
        "Linked evidence cites words on both sides of this point. Split elsewhere, or unlink that evidence first.",
      );
    if (home.id !== e.passageId) {
      await tx.evidence.update({ where: { id: e.id }, data: { passageId: home.id } });
      moves.push({ evidenceId: e.id, from: e.passageId, to: home.id });
    }
  }
  return moves;
}

/** Turns the pure segmentation's errors into messages for the editor. */
export function passageEditError(error: unknown): never {
  if (error instanceof PassageError) throw new AppError("invalid_input", error.message);
  throw error;
}
