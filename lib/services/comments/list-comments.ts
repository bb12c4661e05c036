import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { authorize, claimWhereForUser, type Actor } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";

export type CommentView = {
  id: string;
  claimId: string | null;
  articleId: string;
  body: string;
  author: { id: string; name: string };
  mentions: { id: string; name: string }[];
  createdAt: string;
};

export const COMMENT_INCLUDE = { author: { select: { id: true, name: true } } } as const;

type Row = {
  id: string;
  claimId: string | null;
  articleId: string;
  body: string;
  mentionIds: string[];
  createdAt: Date;
  author: { id: string; name: string };
};

export async function presentComments(db: Tx | typeof prisma, rows: Row[]): Promise<CommentView[]> {
  const ids = [...new Set(rows.flatMap((r) => r.mentionIds))];
  const users = ids.length
    ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => ({
    id: r.id,
    claimId: r.claimId,
    articleId: r.articleId,
    body: r.body,
    author: r.author,
    mentions: r.mentionIds.flatMap((id) => byId.get(id) ?? []),
    createdAt: r.createdAt.toISOString(),
  }));
}

/** A claim's thread, oldest first; the thread follows the claim through edits (it hangs on its id). */
export async function listComments({
  actor,
  claimId,
  tx,
}: {
  actor: Actor | null;
  claimId: string;
  tx?: Tx;
}): Promise<CommentView[]> {
  authorize(actor, "workbench:read");
  const db = tx ?? prisma;
  const claim = await db.claim.findFirst({
    where: { AND: [{ id: claimId }, claimWhereForUser(actor)] },
    select: { id: true },
  });
  if (!claim) throw notFound("That claim");
  const rows = await db.comment.findMany({
    where: { claimId },
    include: COMMENT_INCLUDE,
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  return presentComments(db, rows);
}
