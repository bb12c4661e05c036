import "server-only";
import { prisma } from "@/lib/db";
import { can, reviewRefusal, type Actor } from "@/lib/auth/policies";
import { lifecycleOf, loadClaim, type ClaimWithContent } from "@/lib/services/claims/claim-content";
import { competingWordingsOf } from "@/lib/services/claims/competing-wordings";
import { CLAIM_VIEW_INCLUDE, presentClaim, type ClaimView } from "@/lib/services/claims/present-claim";
import { listComments, type CommentView } from "@/lib/services/comments/list-comments";
import { EVIDENCE_VIEW_INCLUDE, presentEvidence, type EvidenceView } from "@/lib/services/evidence/present-evidence";
import { listClaimHistory, type HistoryEntry } from "@/lib/services/claims/list-claim-history";
import type { ReviewView } from "@/lib/services/reviews/review-claim";
import { sentenceContext, type SentenceContext } from "@/lib/text/segmentation/sentence-context";
import type { CompetingWordingsView } from "@/lib/services/claims/competing-wordings";

export type ClaimDossier = {
  claim: ClaimView;
  article: { id: string; title: string };
  sentence: SentenceContext;
  evidence: EvidenceView[];
  competingWordings: CompetingWordingsView;
  reviews: ReviewView[];
  comments: CommentView[];
  history: HistoryEntry[];
  permissions: {
    canEdit: boolean;
    canSetVerdict: boolean;
    canSubmit: boolean;
    canConfirm: boolean;
    canReview: boolean;
    reviewBlockedReason: string | null;
    canComment: boolean;
  };
};

/** Everything a checker or a reviewer needs to judge one claim, read in one transaction. */
export async function getClaimDossier({
  actor,
  claimId,
}: {
  actor: Actor | null;
  claimId: string;
}): Promise<ClaimDossier> {
  return prisma.$transaction(async (tx) => {
    // A plain read: a lock here would make readers queue behind saves.
    const claim: ClaimWithContent = await loadClaim(tx, actor, claimId);
    // One connection runs one query at a time: a transaction's reads go one after another.
    const view = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, include: CLAIM_VIEW_INCLUDE });
    const article = await tx.article.findUniqueOrThrow({
      where: { id: claim.articleId },
      select: { id: true, title: true, bodyText: true },
    });
    const evidence = await tx.evidence.findMany({
      where: { claimId },
      include: EVIDENCE_VIEW_INCLUDE,
      orderBy: { createdAt: "asc" },
    });
    const reviews = await tx.review.findMany({
      where: { claimId },
      include: { reviewer: { select: { id: true, name: true } } },
      orderBy: { createdAt: "asc" },
    });
    const lifecycle = lifecycleOf(claim);
    const refusal = actor ? reviewRefusal(actor, lifecycle) : "Sign in to review.";
    const editable = can(actor, "claim:update");
    return {
      claim: presentClaim(view),
      article: { id: article.id, title: article.title },
      sentence:
        claim.anchorStatus === "anchored"
          ? sentenceContext(article.bodyText, claim.start, claim.end)
          : { before: "", exact: claim.exact, after: "" },
      evidence: evidence.map(presentEvidence),
      competingWordings: competingWordingsOf(claim),
      reviews: reviews.map((r) => ({
        id: r.id,
        claimId,
        decision: r.decision,
        comment: r.comment,
        reviewer: r.reviewer,
        createdAt: r.createdAt.toISOString(),
      })),
      comments: await listComments({ actor, claimId, tx }),
      history: await listClaimHistory(
        tx,
        claimId,
        evidence.map((e) => e.id),
      ),
      permissions: {
        canEdit: editable,
        canSetVerdict: can(actor, "claim:set-verdict"),
        canSubmit: can(actor, "claim:submit") && (claim.state === "draft" || claim.state === "changes_requested"),
        canConfirm: can(actor, "claim:set-verdict") && claim.state === "stale",
        canReview: refusal === null && claim.state === "in_review",
        reviewBlockedReason: refusal,
        canComment: can(actor, "comment:create"),
      },
    };
  });
}
