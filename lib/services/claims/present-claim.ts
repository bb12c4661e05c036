import "server-only";
import type { AnchorStatus, ClaimKind, ClaimState, QuoteCheck } from "@/lib/generated/prisma/client";

/**
 * Why a judged claim needs a new check: its words (previous → current), and/or what changed in
 * what was approved (sentences such as "Evidence removed: WION …").
 */
export type StaleDetail = {
  previousExact?: string;
  currentExact?: string;
  stateBefore: ClaimState;
  at: string;
  changes?: string[];
};

/** Include this in a claim query to present it. */
export const CLAIM_VIEW_INCLUDE = { approvedBy: { select: { id: true, name: true } } } as const;

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
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: { id: string; name: string } | null;
  leftOut: boolean;
};

type Row = Omit<ClaimView, "staleDetail" | "updatedAt" | "submittedAt" | "approvedAt" | "approvedBy"> & {
  staleDetail: unknown;
  updatedAt: Date;
  submittedAt: Date | null;
  approvedAt: Date | null;
  approvedBy?: { id: string; name: string } | null;
  verdictAt?: Date | null;
  createdAt?: Date;
};

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
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    approvedBy: row.approvedBy ?? null,
    leftOut: row.leftOut,
  };
}
