// The shapes the server hands the editor, taken from the services' presenters. Type-only
// imports are erased at build time, so nothing server-only reaches the browser bundle.
import type { ArticleView } from "@/lib/services/articles/present-article";
import type { ClaimView } from "@/lib/services/claims/present-claim";

export type EditorClaim = ClaimView;
export type ClaimKind = ClaimView["kind"];
export type ClaimState = ClaimView["state"];
// The verdict set as the editor needs it; the API adds whether each needs a rationale.
export type VerdictOption = {
  key: string;
  label: string;
  description?: string;
  requiresRationale?: boolean;
  archived?: boolean;
};
export type EditorArticle = Pick<
  ArticleView,
  "id" | "title" | "outlet" | "byline" | "dateline" | "publishedAt" | "canonicalUrl" | "version" | "body"
>;

export const KIND_LABELS: Record<ClaimKind, string> = {
  quote: "Quote",
  figure: "Figure",
  date: "Date",
  attribution: "Attribution",
  other: "Other",
};
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
