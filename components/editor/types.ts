// Shapes the server hands the editor (mirrors lib/services/*/present-*.ts, which are server-only).
export type ClaimKind = "quote" | "figure" | "date" | "attribution" | "other";
export type ClaimState = "draft" | "in_review" | "changes_requested" | "approved" | "rejected" | "stale";

export type EditorClaim = {
  id: string;
  kind: ClaimKind;
  exact: string;
  start: number;
  end: number;
  speaker: string | null;
  verdictKey: string | null;
  rationale: string;
  state: ClaimState;
  anchorStatus: "anchored" | "orphaned";
  staleDetail: { previousExact: string; currentExact: string; stateBefore: ClaimState; at: string } | null;
  version: number;
};

export type VerdictOption = { key: string; label: string };

export type EditorArticle = {
  id: string;
  title: string;
  outlet: string | null;
  byline: string | null;
  dateline: string | null;
  publishedAt: string | null;
  canonicalUrl: string | null;
  version: number;
  body: unknown;
};

export const KIND_LABELS: Record<ClaimKind, string> = { quote: "Quote", figure: "Figure", date: "Date", attribution: "Attribution", other: "Other" };
export const CLAIM_KINDS = Object.keys(KIND_LABELS) as ClaimKind[];
export const STATE_LABELS: Record<ClaimState | "orphaned", string> = {
  draft: "Draft",
  in_review: "In review",
  changes_requested: "Changes requested",
  approved: "Approved",
  rejected: "Rejected",
  stale: "Stale",
  orphaned: "Orphaned",
};
