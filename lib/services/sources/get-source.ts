import "server-only";
import { prisma } from "@/lib/db";
import { authorize, sourceWhereForUser, type Actor } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";
import { INT4_MAX } from "@/lib/schemas/common";
import { presentSourceSummary, SUMMARY_SELECT, type SourceView } from "@/lib/services/sources/present-source";

/** How many passages a window holds: the reader shows a long document a window at a time. */
export const PASSAGE_WINDOW = 200;

export type PassageWindow = { from?: number; around?: string; size?: number };

/**
 * A source document whole (its text and metadata), by slug or id, with its passages in order:
 * all of them, or a window of `size` starting at ordinal `from` or holding passage `around`.
 */
export async function getSource({
  actor,
  slugOrId,
  window,
}: {
  actor: Actor | null;
  slugOrId: string;
  window?: PassageWindow;
}): Promise<SourceView> {
  authorize(actor, "workbench:read");
  const row = await prisma.sourceDocument.findFirst({
    where: { AND: [{ OR: [{ slug: slugOrId }, { id: slugOrId }] }, sourceWhereForUser(actor)] },
    select: {
      ...SUMMARY_SELECT,
      place: true,
      participants: true,
      collection: true,
      url: true,
      text: true,
      previous: { select: { slug: true } },
      next: { select: { slug: true } },
    },
  });
  if (!row) throw notFound("That source");
  const size = window?.size ?? PASSAGE_WINDOW;
  let from = window ? Math.max(0, window.from ?? 0) : 0;
  if (window?.around) {
    const target = await prisma.passage.findFirst({
      where: { id: window.around, documentId: row.id },
      select: { ordinal: true },
    });
    if (target) from = Math.floor(target.ordinal / size) * size;
  }
  // One passage before the window, for the text between it and the first one shown.
  const passages = await prisma.passage.findMany({
    // The end of the window stops at int4's largest value, the column's own: from may be anywhere up to it.
    where: { documentId: row.id, ordinal: window ? { gte: from - 1, lt: Math.min(from + size, INT4_MAX) } : undefined },
    orderBy: { ordinal: "asc" },
    select: {
      id: true,
      ordinal: true,
      speaker: true,
      start: true,
      end: true,
      text: true,
      _count: { select: { evidence: true } },
    },
  });
  const before = passages[0] && passages[0].ordinal < from ? passages.shift() : undefined;
  return {
    ...presentSourceSummary(row),
    place: row.place,
    participants: row.participants,
    collection: row.collection,
    url: row.url,
    text: row.text,
    previousSlug: row.previous?.slug ?? null,
    nextSlug: row.next?.slug ?? null,
    passages: passages.map(({ _count, ...p }) => ({ ...p, evidenceCount: _count.evidence })),
    windowStart: from,
    gapStart: before?.end ?? 0,
  };
}
