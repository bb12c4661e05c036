import "server-only";
import type { Actor } from "@/lib/auth/policies";
import { buildAnnotationCollection, type AnnotationCollection } from "@/lib/export/web-annotation";
import { loadClaimsForExport } from "@/lib/services/exports/load-claims-for-export";

/** The article's claims and evidence as a W3C AnnotationCollection (newsroom: every claim, any state). */
export async function exportAnnotations({
  actor,
  articleId,
  baseUrl,
}: {
  actor: Actor | null;
  articleId: string;
  baseUrl: string;
}): Promise<AnnotationCollection> {
  const { article, claims } = await loadClaimsForExport({ actor, articleId });
  const verdictLabels = Object.fromEntries(
    claims.flatMap((c) => (c.verdict ? [[c.verdict.key, c.verdict.label]] : [])),
  );
  return buildAnnotationCollection({
    baseUrl,
    articleId: article.id,
    title: article.title,
    verdictLabels,
    claims: claims.map((c) => ({
      id: c.id,
      kind: c.kind,
      speaker: c.speaker,
      state: c.anchorStatus === "orphaned" ? "orphaned" : c.state,
      verdictKey: c.verdictKey,
      rationale: c.rationale,
      createdAt: c.createdAt.toISOString(),
      exact: c.exact,
      prefix: c.prefix,
      suffix: c.suffix,
      start: c.start,
      end: c.end,
      evidence: c.evidence.map((e) => ({
        relation: e.relation,
        note: e.note,
        exact: e.exact,
        prefix: e.prefix,
        suffix: e.suffix,
        start: e.start,
        end: e.end,
        source: e.passage.document,
      })),
    })),
  });
}
