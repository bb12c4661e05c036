// The shapes /api/v1 hands the claim panel and the review pages (docs/decisions/0001).
import type { EditorClaim } from "@/components/editor/types";
import type { EvidenceView as PresentedEvidence } from "@/lib/services/evidence/present-evidence";

export type Person = { id: string; name: string };
export type Relation = "supports" | "contradicts" | "context";
export type QuoteCheckResult = "verbatim" | "minor_differences" | "altered" | "not_found";

export type AlignmentOp = {
  op: "equal" | "insert" | "delete" | "replace";
  article?: string;
  source?: string;
  reason?: string;
};

// The evidence shapes are the presenter's own (type-only: nothing server-side reaches the bundle).
export type EvidenceView = PresentedEvidence;
export type QuoteCheckView = NonNullable<PresentedEvidence["quoteCheck"]>;

export type StaleChanges = {
  previousExact?: string;
  currentExact?: string;
  stateBefore: string;
  at: string;
  changes?: string[];
};

/** The claim as the lifecycle API presents it: the editor's claim plus review facts. */
export type ReviewClaim = Omit<EditorClaim, "staleDetail"> & {
  submittedAt?: string | null;
  approvedAt?: string | null;
  approvedBy?: Person | null;
  leftOut?: unknown;
  staleDetail: StaleChanges | null;
};

export type CompetingWordings = {
  disagree: boolean;
  wordings: { text: string; evidenceIds: string[]; sources: { title: string; primary: boolean }[] }[];
  accurateBlockedReason: string | null;
};

export type ReviewView = {
  id: string;
  decision: "approve" | "request_changes" | "reject";
  comment: string;
  reviewer: Person;
  createdAt: string;
};
export type CommentView = {
  id: string;
  claimId: string | null;
  articleId: string;
  body: string;
  author: Person;
  mentions: Person[];
  createdAt: string;
};
export type HistoryEntry = { id: string; action: string; actor: Person | null; at: string; summary: string };
export type ClaimSentence = { before: string; exact: string; after: string };

export type DossierPermissions = {
  canEdit: boolean;
  canSetVerdict: boolean;
  canSubmit: boolean;
  canConfirm: boolean;
  canReview: boolean;
  reviewBlockedReason: string | null;
  canComment: boolean;
};

export type Dossier = {
  claim: ReviewClaim;
  article: { id: string; title: string };
  evidence: EvidenceView[];
  competingWordings: CompetingWordings;
  reviews: ReviewView[];
  comments: CommentView[];
  history: HistoryEntry[];
  sentence: ClaimSentence;
  permissions: DossierPermissions;
};

export type VerdictDefinition = {
  key: string;
  label: string;
  description: string;
  rating: number;
  position: number;
  requiresRationale: boolean;
  archived: boolean;
};

export type PassageView = {
  id: string;
  ordinal: number;
  speaker: string | null;
  start: number;
  end: number;
  text: string;
  document: {
    id: string;
    slug: string;
    title: string;
    kind: string;
    primary: boolean;
    date: string | null;
    reliabilityNote: string;
    url?: string;
  };
};

export const RELATION_LABELS: Record<Relation, string> = {
  supports: "Supports",
  contradicts: "Contradicts",
  context: "Context",
};

export const QUOTE_CHECK_LABELS: Record<QuoteCheckResult, string> = {
  verbatim: "Verbatim",
  minor_differences: "Minor differences",
  altered: "Altered",
  not_found: "Not found",
};

export type QueueItem = {
  claim: ReviewClaim;
  article: { id: string; title: string };
  /** Who set the verdict; null for a claim not judged yet. */
  editor: Person | null;
  verdict: { key: string; label: string } | null;
  submittedAt: string | null;
  sentence: ClaimSentence;
};
