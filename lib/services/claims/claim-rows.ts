import "server-only";
import type { Tx } from "@/lib/db";
import type { Claim } from "@/lib/generated/prisma/client";

/** A claim row as `findMany({ include: CLAIM_VIEW_INCLUDE })` gives it. */
export type ClaimRowWithApprover = Claim & { approvedBy: { id: string; name: string } | null };

/** `verdict_by_id` → `verdictById`: the schema maps every claim field to its snake_case column. */
const fields = new Map<string, string>();
const fieldOf = (column: string) => {
  let field = fields.get(column);
  if (field === undefined) {
    field = column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
    fields.set(column, field);
  }
  return field;
};

/**
 * Every claim of an article, locked for update in one order (so two saves cannot deadlock), in one
 * statement. A save reads all of an article's claims to reconcile them; through Prisma's findMany
 * that was a second statement, and its row mapping took 12–25 ms for a thousand claims where the
 * rows themselves take a few (docs/decisions/0012). The rows are the same as findMany's with
 * CLAIM_VIEW_INCLUDE: claim-rows.int.test.ts compares the two on claims with every field set, so
 * a column whose name does not map this way fails there.
 */
export async function lockArticleClaims(tx: Tx, articleId: string): Promise<ClaimRowWithApprover[]> {
  // The lock is taken first, on the claims alone, and the approver joined after: a row that a
  // concurrent approval changed is re-read when that approval commits, but a join in the locking
  // statement would keep the approver as it was (PostgreSQL re-checks only the locked rows), and
  // name nobody.
  const rows = await tx.$queryRaw<Record<string, unknown>[]>`
    WITH locked AS (SELECT * FROM claims WHERE article_id = ${articleId} ORDER BY id FOR UPDATE)
    SELECT locked.*, u.name AS approved_by_name
    FROM locked LEFT JOIN users u ON u.id = locked.approved_by_id
    ORDER BY locked.id`;
  return rows.map((row) => {
    const claim: Record<string, unknown> = {};
    for (const column in row) if (column !== "approved_by_name") claim[fieldOf(column)] = row[column];
    const approvedById = claim.approvedById as string | null;
    return {
      ...(claim as Claim),
      approvedBy: approvedById ? { id: approvedById, name: row.approved_by_name as string } : null,
    };
  });
}
