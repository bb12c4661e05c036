import "server-only";
import { prisma } from "@/lib/db";
import { authorize, sourceWhereForUser, type Actor } from "@/lib/auth/policies";
import { presentSourceSummary, SUMMARY_SELECT, type SourceSummary } from "@/lib/services/sources/present-source";

export async function listSources({ actor }: { actor: Actor | null }): Promise<SourceSummary[]> {
  authorize(actor, "workbench:read");
  const rows = await prisma.sourceDocument.findMany({
    where: sourceWhereForUser(actor),
    select: SUMMARY_SELECT,
    orderBy: [{ date: { sort: "desc", nulls: "last" } }, { title: "asc" }],
    take: 1000,
  });
  return rows.map(presentSourceSummary);
}
