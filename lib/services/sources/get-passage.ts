import "server-only";
import { prisma } from "@/lib/db";
import { authorize, sourceWhereForUser, type Actor } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";
import { passageHref, RESULT_SELECT } from "@/lib/services/search/present-search-result";
import { isoDate } from "@/lib/services/sources/present-source";

/** One passage with what a citation needs: its document, speaker, offsets and reliability note. */
export async function getPassage({ actor, passageId }: { actor: Actor | null; passageId: string }) {
  authorize(actor, "workbench:read");
  const row = await prisma.passage.findFirst({
    where: { id: passageId, document: sourceWhereForUser(actor) },
    // What a search result shows, plus the document's URL (to cite it) and the evidence count.
    select: {
      ...RESULT_SELECT,
      _count: { select: { evidence: true } },
      document: { select: { ...RESULT_SELECT.document.select, url: true } },
    },
  });
  if (!row) throw notFound("That passage");
  const { _count, document, ...passage } = row;
  return {
    ...passage,
    evidenceCount: _count.evidence,
    document: { ...document, date: isoDate(document.date) },
    href: passageHref(document.slug, row.id),
  };
}
