import "server-only";
import { prisma } from "@/lib/db";
import { authorize, sourceWhereForUser, type Actor } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";
import { passageHref } from "@/lib/services/search/present-search-result";
import { isoDate } from "@/lib/services/sources/present-source";

/** One passage with what a citation needs: its document, speaker, offsets and reliability note. */
export async function getPassage({ actor, passageId }: { actor: Actor | null; passageId: string }) {
  authorize(actor, "workbench:read");
  const row = await prisma.passage.findFirst({
    where: { id: passageId, document: sourceWhereForUser(actor) },
    select: {
      id: true,
      ordinal: true,
      speaker: true,
      start: true,
      end: true,
      text: true,
      _count: { select: { evidence: true } },
      document: { select: { id: true, slug: true, title: true, kind: true, primary: true, date: true, url: true, reliabilityNote: true } },
    },
  });
  if (!row) throw notFound("That passage");
  const { _count, document, ...passage } = row;
  return { ...passage, evidenceCount: _count.evidence, document: { ...document, date: isoDate(document.date) }, href: passageHref(document.slug, row.id) };
}
