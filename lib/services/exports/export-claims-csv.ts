import "server-only";
import type { Actor } from "@/lib/auth/policies";
import { buildClaimsCsv } from "@/lib/export/claims-csv";
import { loadClaimsForExport } from "@/lib/services/exports/load-claims-for-export";

/** One CSV row per claim of the article, for spreadsheets. */
export async function exportClaimsCsv({
  actor,
  articleId,
}: {
  actor: Actor | null;
  articleId: string;
}): Promise<{ title: string; csv: string }> {
  const { article, claims } = await loadClaimsForExport({ actor, articleId });
  const csv = buildClaimsCsv(
    claims.map((c) => ({
      id: c.id,
      kind: c.kind,
      speaker: c.speaker,
      exact: c.exact,
      state: c.state,
      anchorStatus: c.anchorStatus,
      leftOut: c.leftOut,
      verdictLabel: c.verdict?.label ?? null,
      verdictRating: c.verdict?.rating ?? null,
      quoteCheck: c.quoteCheck,
      rationale: c.rationale,
      evidence: c.evidence.map((e) => ({
        relation: e.relation,
        sourceTitle: e.passage.document.title,
        sourceSlug: e.passage.document.slug,
        exact: e.exact,
      })),
    })),
  );
  return { title: article.title, csv };
}
