import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policies";
import { COMMENT_INCLUDE, presentComments, type CommentView } from "@/lib/services/comments/list-comments";

export type MentionView = CommentView & {
  claim: { id: string; exact: string } | null;
  article: { id: string; title: string };
};

/** Comments that mention the actor, newest first, with the claim and article they belong to. */
export async function listMentions({ actor }: { actor: Actor | null }): Promise<MentionView[]> {
  authorize(actor, "workbench:read");
  const rows = await prisma.comment.findMany({
    where: { mentionIds: { has: actor.id } },
    include: {
      ...COMMENT_INCLUDE,
      claim: { select: { id: true, exact: true } },
      article: { select: { id: true, title: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  const views = await presentComments(prisma, rows);
  return views.map((v, i) => ({ ...v, claim: rows[i]!.claim, article: rows[i]!.article }));
}

/** People a comment can mention, by name. */
export async function listMentionableUsers({
  actor,
  query,
}: {
  actor: Actor | null;
  query: string;
}): Promise<{ id: string; name: string }[]> {
  authorize(actor, "comment:create");
  return prisma.user.findMany({
    where: { disabled: false, name: { contains: query, mode: "insensitive" } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 10,
  });
}
