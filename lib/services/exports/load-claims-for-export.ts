import "server-only";
import { prisma } from "@/lib/db";
import { articleWhereForUser, authorize, claimWhereForUser, type Actor } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";

/** An article with every claim the actor may see, its verdict and its evidence's sources: what the exports share. */
export async function loadClaimsForExport({ actor, articleId }: { actor: Actor | null; articleId: string }) {
  authorize(actor, "workbench:read");
  const article = await prisma.article.findFirst({
    where: { AND: [{ id: articleId }, articleWhereForUser(actor)] },
    select: { id: true, title: true },
  });
  if (!article) throw notFound("That article");
  const claims = await prisma.claim.findMany({
    where: { AND: [{ articleId }, claimWhereForUser(actor)] },
    orderBy: [{ start: "asc" }, { end: "desc" }],
    include: {
      verdict: { select: { key: true, label: true, rating: true } },
      evidence: {
        orderBy: { createdAt: "asc" },
        include: { passage: { select: { document: { select: { slug: true, title: true, url: true } } } } },
      },
    },
  });
  return { article, claims };
}
