import "server-only";
import { prisma } from "@/lib/db";
import type { SnapshotContent } from "@/lib/services/publishing/snapshot-content";

export type PublishedSummary = {
  articleId: string;
  title: string;
  outlet: string | null;
  byline: string | null;
  claimCount: number;
  /** Newest snapshot (last update) and first publish. */
  updatedAt: string;
  firstPublishedAt: string;
  number: number;
};

type Row = {
  article_id: string;
  title: string;
  number: number;
  published_at: Date;
  first_published_at: Date;
  content: SnapshotContent;
};

/**
 * The public index: the newest snapshot of every published article, newest first. Read from
 * snapshots only, like everything public (one query: DISTINCT ON picks each article's newest).
 */
export async function listPublishedArticles({ limit = 200 }: { limit?: number } = {}): Promise<PublishedSummary[]> {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT * FROM (
      SELECT DISTINCT ON (s.article_id) s.article_id, s.title, s.number, s.published_at, s.content,
             MIN(s.published_at) OVER (PARTITION BY s.article_id) AS first_published_at
      FROM article_snapshots s JOIN articles a ON a.id = s.article_id
      WHERE a.state = 'published'
      ORDER BY s.article_id, s.number DESC
    ) latest
    ORDER BY latest.published_at DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({
    articleId: r.article_id,
    title: r.title,
    outlet: r.content.article.outlet,
    byline: r.content.article.byline,
    claimCount: r.content.claims.length,
    updatedAt: r.published_at.toISOString(),
    firstPublishedAt: r.first_published_at.toISOString(),
    number: r.number,
  }));
}
