// lockArticleClaims reads claims without Prisma's row mapping (docs/decisions/0012): its rows must
// be exactly findMany's, for claims with every field set and for claims with none.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { lockArticleClaims } from "@/lib/services/claims/claim-rows";
import { CLAIM_VIEW_INCLUDE } from "@/lib/services/claims/present-claim";
import { buildArticle, buildUser } from "@/test/support/factories";
import { PUTIN_QUOTE, SEED_PARAGRAPHS } from "@/test/support/article-bodies";

/** An article with one draft claim on the Putin quote. */
async function articleWithClaim() {
  const editor = await buildUser({ role: "editor" });
  const article = await buildArticle({ createdBy: editor, paragraphs: SEED_PARAGRAPHS });
  const start = article.bodyText.indexOf(PUTIN_QUOTE);
  const claim = await prisma.claim.create({
    data: {
      articleId: article.id,
      kind: "quote",
      start,
      end: start + PUTIN_QUOTE.length,
      exact: PUTIN_QUOTE,
      createdById: editor.id,
    },
  });
  return { article, claim };
}

describe("lockArticleClaims", () => {
  it("gives the rows findMany gives, every field and the approver included", async () => {
    const editor = await buildUser({ role: "editor" });
    const reviewer = await buildUser({ role: "reviewer" });
    await prisma.user.update({ where: { id: reviewer.id }, data: { name: "Rhea O’Reviewer" } });
    const article = await buildArticle({ createdBy: editor, paragraphs: SEED_PARAGRAPHS });
    const start = article.bodyText.indexOf(PUTIN_QUOTE);
    const place = { start, end: start + PUTIN_QUOTE.length, exact: PUTIN_QUOTE, prefix: "said “", suffix: "”" };
    const verdict = await prisma.verdict.findFirstOrThrow({ where: { archived: false } });
    const full = await prisma.claim.create({
      data: {
        id: randomUUID(),
        articleId: article.id,
        kind: "quote",
        ...place,
        speaker: "Vladimir Putin",
        verdictKey: verdict.key,
        rationale: "Word for word in the transcript — “sic”.",
        verdictById: editor.id,
        verdictAt: new Date("2026-11-27T10:11:12.345Z"),
        quoteCheck: "minor_differences",
        state: "stale",
        anchorStatus: "orphaned",
        staleDetail: {
          previousExact: "I am concerned",
          currentExact: PUTIN_QUOTE,
          changes: ["The claim's words changed."],
        },
        submittedAt: new Date("2026-11-27T11:00:00.001Z"),
        approvedById: reviewer.id,
        approvedAt: new Date("2026-11-27T12:00:00.999Z"),
        approvedSnapshot: { exact: PUTIN_QUOTE, evidence: [{ start: 1, end: 2, words: "ü ́" }] },
        leftOut: true,
        version: 7,
        createdById: editor.id,
      },
    });
    const bare = await prisma.claim.create({
      data: { articleId: article.id, kind: "other", ...place, createdById: editor.id },
    });

    const raw = await prisma.$transaction((tx) => lockArticleClaims(tx, article.id));
    const orm = await prisma.claim.findMany({
      where: { articleId: article.id },
      include: CLAIM_VIEW_INCLUDE,
      orderBy: { id: "asc" },
    });
    expect(raw.map((c) => c.id)).toEqual([full.id, bare.id].sort());
    expect(raw).toEqual(orm);
    // Same keys, not only the same values: a field findMany has and the raw row lacks fails here.
    for (const [i, row] of raw.entries()) expect(Object.keys(row).sort()).toEqual(Object.keys(orm[i]!).sort());
    expect(raw.find((c) => c.id === full.id)!.approvedBy).toEqual({ id: reviewer.id, name: "Rhea O’Reviewer" });
    expect(raw.find((c) => c.id === bare.id)!.approvedBy).toBeNull();
    expect(raw.find((c) => c.id === full.id)!.verdictAt).toBeInstanceOf(Date);
  });

  it("holds the claims' row locks until the transaction ends", async () => {
    const { article, claim } = await articleWithClaim();
    const locked = await prisma.$transaction(async (tx) => {
      await lockArticleClaims(tx, article.id);
      // Another connection cannot take the same row's lock while this transaction holds it.
      return prisma.$queryRaw<{ id: string }[]>`
        SELECT id FROM claims WHERE id = ${claim.id} FOR UPDATE SKIP LOCKED`;
    });
    expect(locked).toEqual([]);
  });

  it("names the approver a concurrent approval just set, once that approval commits", async () => {
    const reviewer = await buildUser({ role: "reviewer" });
    await prisma.user.update({ where: { id: reviewer.id }, data: { name: "Concurrent Approver" } });
    const { article, claim } = await articleWithClaim();
    // Another connection approves the claim and holds its row lock, uncommitted.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("UPDATE claims SET approved_by_id = $1, approved_at = now() WHERE id = $2", [
        reviewer.id,
        claim.id,
      ]);
      const { pid } = (await other.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!;
      // A save locks the article's claims: it waits for that approval…
      const locked = prisma.$transaction((tx) => lockArticleClaims(tx, article.id));
      for (let i = 0; i < 100; i++) {
        const waiting = await prisma.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND ${pid}::int = ANY(pg_blocking_pids(pid))`;
        if (waiting[0]!.n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // …and, once it commits, reads the claim as approved, by whom.
      await other.query("COMMIT");
      const [row] = await locked;
      expect(row!.approvedById).toBe(reviewer.id);
      expect(row!.approvedBy).toEqual({ id: reviewer.id, name: "Concurrent Approver" });
    } finally {
      await other.end();
    }
  });
});
