import "server-only";
import type { Tx } from "@/lib/db";
import type {
  QuoteCheckDetail,
  SnapshotClaim,
  SnapshotContent,
  SnapshotEvidence,
  SnapshotSource,
} from "@/lib/services/publishing/snapshot-content";

type ArticleMeta = {
  outlet: string | null;
  byline: string | null;
  dateline: string | null;
  publishedAt: Date | null;
  canonicalUrl: string | null;
};

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * Copies what readers will see of the given claims (already checked to be publishable) into
 * one JSON document, inside the publishing transaction so it matches the rows it was read from.
 * The passage shown around the cited words comes from the document's text by offsets, so a
 * passage merged or split since the evidence was linked still shows the right words.
 */
export async function buildSnapshotContent(
  tx: Tx,
  { article, claimIds }: { article: ArticleMeta; claimIds: string[] },
): Promise<SnapshotContent> {
  const claims = await tx.claim.findMany({
    where: { id: { in: claimIds } },
    orderBy: [{ start: "asc" }, { end: "desc" }],
    include: {
      verdict: { select: { key: true, label: true, rating: true, description: true } },
      approvedBy: { select: { name: true } },
      evidence: {
        orderBy: { createdAt: "asc" },
        include: {
          passage: { select: { id: true, ordinal: true, speaker: true, start: true, end: true, documentId: true } },
        },
      },
    },
  });
  const documentIds = [...new Set(claims.flatMap((c) => c.evidence.map((e) => e.passage.documentId)))];
  const documents = await tx.sourceDocument.findMany({ where: { id: { in: documentIds } } });
  const byId = new Map(documents.map((d) => [d.id, d]));

  const sources: SnapshotSource[] = documents.map((d) => ({
    id: d.id,
    slug: d.slug,
    title: d.title,
    kind: d.kind,
    primary: d.primary,
    date: isoDate(d.date),
    place: d.place,
    participants: d.participants,
    collection: d.collection,
    url: d.url,
    reliabilityNote: d.reliabilityNote,
  }));

  const snapshotClaims: SnapshotClaim[] = claims.map((c) => ({
    id: c.id,
    kind: c.kind,
    exact: c.exact,
    prefix: c.prefix,
    suffix: c.suffix,
    start: c.start,
    end: c.end,
    speaker: c.speaker,
    verdict: c.verdict
      ? { key: c.verdict.key, label: c.verdict.label, rating: c.verdict.rating, description: c.verdict.description }
      : null,
    rationale: c.rationale,
    quoteCheck: c.quoteCheck,
    reviewer: c.approvedBy ? { name: c.approvedBy.name } : null,
    reviewedAt: c.approvedAt?.toISOString() ?? null,
    evidence: c.evidence.map((e): SnapshotEvidence => {
      const doc = byId.get(e.passage.documentId)!;
      // The passage in context: the passage, widened to the cited span if the span crosses it.
      const from = Math.min(e.passage.start, e.start);
      const to = Math.max(e.passage.end, e.end);
      return {
        id: e.id,
        relation: e.relation,
        note: e.note,
        sourceId: doc.id,
        exact: e.exact,
        prefix: e.prefix,
        suffix: e.suffix,
        start: e.start,
        end: e.end,
        passage: {
          id: e.passage.id,
          ordinal: e.passage.ordinal,
          speaker: e.passage.speaker,
          text: doc.text.slice(from, to),
          citedStart: e.start - from,
          citedEnd: e.end - from,
        },
        quoteCheck: e.quoteCheck,
        // The stored detail carries the comparison; the result lives in its own column.
        quoteCheckDetail:
          e.quoteCheckDetail && e.quoteCheck
            ? { ...(e.quoteCheckDetail as Omit<QuoteCheckDetail, "result">), result: e.quoteCheck }
            : null,
      };
    }),
  }));

  return {
    format: 1,
    article: {
      outlet: article.outlet,
      byline: article.byline,
      dateline: article.dateline,
      publishedAt: article.publishedAt?.toISOString() ?? null,
      canonicalUrl: article.canonicalUrl,
    },
    claims: snapshotClaims,
    sources,
  };
}
