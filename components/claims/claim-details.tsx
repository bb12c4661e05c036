"use client";

import { useEffect, useRef } from "react";
import { ClaimVerdictForm } from "@/components/claims/claim-verdict-form";
import { ClaimWorkflow } from "@/components/claims/claim-workflow";
import { CommentThread } from "@/components/comments/comment-thread";
import { STATE_LABELS, type EditorClaim, type VerdictOption } from "@/components/editor/types";
import { CompetingWordings } from "@/components/evidence/competing-wordings";
import { EvidenceSection } from "@/components/evidence/evidence-section";
import type { ReviewClaim } from "@/components/evidence/types";
import { ClaimHistory } from "@/components/review/claim-history";
import { StaleChanges } from "@/components/review/stale-changes";
import { useDossier } from "@/components/review/use-dossier";
import { secondaryButtonClass } from "@/components/ui/styles";

type Props = {
  claim: EditorClaim;
  verdicts: VerdictOption[];
  canEdit: boolean;
  onSaved: (claim: EditorClaim) => void;
  onDelete: () => void;
  onClose: () => void;
  /** Opened from the claim list: the keyboard's focus moves to the panel's heading. */
  focusOnOpen?: boolean;
};

const LOCKED: Partial<Record<string, string>> = {
  in_review:
    "In review: the verdict is read-only while a reviewer checks it. To change it, withdraw it from review first.",
  approved:
    "Approved: the verdict is frozen as approved. If the words or the evidence change, the claim goes stale and comes back to you; to change the verdict now, withdraw the approval.",
};

/** Everything about one claim in the editor's side panel: verdict, evidence, review, comments. */
export function ClaimDetails({ claim, verdicts, canEdit, onSaved, onDelete, onClose, focusOnOpen = false }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The panel comes before the list in the page: without this, the next Tab after opening a claim
  // from its row would leave the page's end and start again from the top.
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, [focusOnOpen]);
  const { state, reload } = useDossier(claim.id, `${claim.version}:${claim.state}`);
  const dossier = state.status === "done" ? state.dossier : null;
  const permissions = dossier?.permissions ?? null;
  const changed = (updated: ReviewClaim) => onSaved(updated as unknown as EditorClaim);
  const lockedReason = canEdit ? (LOCKED[claim.state] ?? null) : null;
  const staleDetail = (claim.staleDetail ?? dossier?.claim.staleDetail) as ReviewClaim["staleDetail"];

  return (
    <div
      role="form"
      aria-labelledby="claim-details-heading"
      className="space-y-4 rounded-lg border border-stone-300 bg-white p-3"
      onKeyDown={(e) => e.key === "Escape" && !e.defaultPrevented && onClose()}
      data-claim-id={claim.id}
    >
      <div className="flex items-center justify-between">
        <h2 id="claim-details-heading" ref={heading} tabIndex={-1} className="font-semibold focus:outline-none">
          Claim · {STATE_LABELS[claim.anchorStatus === "orphaned" ? "orphaned" : claim.state]}
        </h2>
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          Close
        </button>
      </div>
      <blockquote className="border-l-4 border-amber-400 pl-2 font-serif text-sm">{claim.exact}</blockquote>
      {claim.anchorStatus === "orphaned" && (
        <p className="rounded bg-red-50 p-2 text-sm text-red-900">
          Its words are no longer in the article. Undo the deletion in the editor to bring it back, or delete the claim.
        </p>
      )}
      {claim.state === "stale" && staleDetail && <StaleChanges detail={staleDetail} />}
      <ClaimWorkflow claim={claim} reviews={dossier?.reviews ?? []} permissions={permissions} onChanged={changed} />
      {dossier && <CompetingWordings data={dossier.competingWordings} />}
      <ClaimVerdictForm
        claim={claim}
        verdicts={verdicts}
        canEdit={canEdit}
        lockedReason={lockedReason}
        accurateBlockedReason={dossier?.competingWordings.accurateBlockedReason ?? null}
        onSaved={onSaved}
        onDelete={onDelete}
      />
      <EvidenceSection
        claim={claim}
        evidence={dossier?.evidence ?? null}
        loadError={state.status === "failed" ? state.message : null}
        canLink={permissions ? permissions.canEdit : canEdit}
        onChanged={changed}
      />
      {dossier && <ClaimHistory history={dossier.history} collapsed />}
      {dossier && (
        <CommentThread
          claimId={claim.id}
          comments={dossier.comments}
          canComment={dossier.permissions.canComment}
          onPosted={reload}
        />
      )}
    </div>
  );
}
