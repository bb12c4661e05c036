import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type {
  SnapshotClaim,
  SnapshotContent,
  SnapshotEvidence,
  SnapshotSource,
} from "@/lib/services/publishing/snapshot-content";

export type PublishedCitation = {
  articleId: string;
  articleTitle: string;
  claim: SnapshotClaim;
  evidence: SnapshotEvidence[];
};
export type PublishedSource = { source: SnapshotSource; citations: PublishedCitation[] };

type Row = { article_id: string; title: string; content: SnapshotContent };

/**
 * A cited source as readers know it: its metadata as last published, and every claim of a
 * published fact-check that cites it. A source no published snapshot cites does not exist here.
 */
export async function getPublishedSource({ slug }: { slug: string }): Promise<PublishedSource> {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT * FROM (
      SELECT DISTINCT ON (s.article_id) s.article_id, s.title, s.content, s.published_at
      FROM article_snapshots s JOIN articles a ON a.id = s.article_id
      WHERE a.state = 'published'
      ORDER BY s.article_id, s.number DESC
    ) latest
    WHERE latest.content -> 'sources' @> ${JSON.stringify([{ slug }])}::jsonb
    ORDER BY latest.published_at DESC`;
  let source: SnapshotSource | undefined;
  const citations: PublishedCitation[] = [];
  for (const row of rows) {
    const cited = row.content.sources.find((s) => s.slug === slug);
    if (!cited) continue;
    source ??= cited;
    for (const claim of row.content.claims) {
      const evidence = claim.evidence.filter((e) => e.sourceId === cited.id);
      if (evidence.length) citations.push({ articleId: row.article_id, articleTitle: row.title, claim, evidence });
    }
  }
  if (!source) throw notFound("That source");
  return { source, citations };
}
