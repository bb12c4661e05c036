import "server-only";
import { prisma } from "@/lib/db";
import { authorize, sourceWhereForUser, type Actor } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";
import { presentSourceSummary, SUMMARY_SELECT, type SourceView } from "@/lib/services/sources/present-source";

/** A source document whole, with its passages in order; by slug or id. */
export async function getSource({ actor, slugOrId }: { actor: Actor | null; slugOrId: string }): Promise<SourceView> {
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
      passages: {
        orderBy: { ordinal: "asc" },
        select: { id: true, ordinal: true, speaker: true, start: true, end: true, text: true, _count: { select: { evidence: true } } },
      },
    },
  });
  if (!row) throw notFound("That source");
  return {
    ...presentSourceSummary(row),
    place: row.place,
    participants: row.participants,
    collection: row.collection,
    url: row.url,
    text: row.text,
    previousSlug: row.previous?.slug ?? null,
    nextSlug: row.next?.slug ?? null,
    passages: row.passages.map(({ _count, ...p }) => ({ ...p, evidenceCount: _count.evidence })),
  };
}
