import "server-only";
import type { AnchorStatus, ClaimKind, ClaimState, QuoteCheck } from "@/lib/generated/prisma/client";

export type StaleDetail = { previousExact: string; currentExact: string; stateBefore: ClaimState; at: string };

export type ClaimView = {
  id: string;
  articleId: string;
  kind: ClaimKind;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  speaker: string | null;
  verdictKey: string | null;
  rationale: string;
  verdictById: string | null;
  quoteCheck: QuoteCheck | null;
  state: ClaimState;
  anchorStatus: AnchorStatus;
  staleDetail: StaleDetail | null;
  version: number;
  createdById: string;
  updatedAt: string;
};

type Row = Omit<ClaimView, "staleDetail" | "updatedAt"> & { staleDetail: unknown; updatedAt: Date; verdictAt?: Date | null; createdAt?: Date };

export function presentClaim(row: Row): ClaimView {
  return {
    id: row.id,
    articleId: row.articleId,
    kind: row.kind,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    speaker: row.speaker,
    verdictKey: row.verdictKey,
    rationale: row.rationale,
    verdictById: row.verdictById,
    quoteCheck: row.quoteCheck,
    state: row.state,
    anchorStatus: row.anchorStatus,
    staleDetail: (row.staleDetail as StaleDetail | null) ?? null,
    version: row.version,
    createdById: row.createdById,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Document order; orphaned claims last, where they no longer have a place. */
export function byDocumentOrder(a: ClaimView, b: ClaimView): number {
  if (a.anchorStatus !== b.anchorStatus) return a.anchorStatus === "orphaned" ? 1 : -1;
  return a.start - b.start || b.end - a.end;
}
