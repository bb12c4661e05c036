/**
 * The claim lifecycle, in one place: every state, every transition, who may make it and what it
 * requires. Services ask `decide` and write the state it answers; nothing else sets a claim's
 * state. Pure: no database, no React (the policy table is plain data).
 *
 *   draft ──submit──▶ in_review ──approve──▶ approved
 *     ▲                  │  └──request_changes──▶ changes_requested ──submit──▶ in_review
 *     │                  └──reject──▶ rejected
 *     └── set_verdict / edit (from any judged state: the judgement is new, so is the review)
 *   approved|in_review|changes_requested|rejected|judged draft ──words changed──▶ stale
 *   approved|in_review ──evidence changed──▶ stale
 *   stale ──set_verdict──▶ draft;  stale ──confirm ("still holds")──▶ in_review
 *   stale ──words restored (undo)──▶ the state it had before
 * Orphaned is the anchor status beside these states: an orphaned claim keeps its state but can
 * neither be submitted nor approved until its words are back.
 */
import { can, reviewRefusal, type Actor, type SimpleAction } from "@/lib/auth/policies";

export const CLAIM_STATES = ["draft", "in_review", "changes_requested", "approved", "rejected", "stale"] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];
export type ReviewDecision = "approve" | "request_changes" | "reject";

/** A verdict as far as the rules need it. */
export type VerdictRule = { key: string; label: string; requiresRationale: boolean; archived: boolean };

/** A claim as far as the rules need it. */
export type LifecycleClaim = {
  kind: string;
  state: ClaimState;
  anchored: boolean;
  verdict: VerdictRule | null;
  rationale: string;
  verdictById: string | null;
  judgedByIds: readonly string[];
  evidenceCount: number;
  evidenceCreatorIds: readonly string[];
};

export type LifecycleEvent =
  /** A new verdict or rationale (verdict null: the judgement is withdrawn). */
  | { type: "set_verdict"; verdict: VerdictRule | null; rationale: string; accurateBlockedReason?: string | null }
  /** Kind or speaker changed: the claim is a different claim to review. */
  | { type: "edit" }
  | { type: "submit"; accurateBlockedReason?: string | null }
  /** A stale claim's verdict still holds for its new words or evidence. */
  | { type: "confirm"; accurateBlockedReason?: string | null }
  | { type: "review"; decision: ReviewDecision; comment: string }
  /**
   * The system saw the claim's words change, or its evidence change (linked, removed, cited
   * words or speaker). Evidence is the editor's work in progress until the claim is submitted,
   * so only a claim in review or approved goes stale for it.
   */
  | { type: "content_changed"; what: "words" | "evidence" }
  /** The words are back to those that were checked (an undo). */
  | { type: "content_restored"; stateBefore: ClaimState };

export type Decision =
  { ok: true; state: ClaimState } | { ok: false; code: "forbidden" | "invalid_input" | "conflict"; message: string };

/** Verdicts that say no source settles the claim, so they need no evidence. */
export const NO_EVIDENCE_NEEDED = new Set(["unsupported", "not_checkable"]);

/** Once someone has judged a claim, a change of its words sends it back to be checked. */
export function isJudged(claim: Pick<LifecycleClaim, "state" | "verdict">): boolean {
  return claim.state !== "draft" || claim.verdict !== null;
}

const refuse = (code: "forbidden" | "invalid_input" | "conflict", message: string): Decision => ({
  ok: false,
  code,
  message,
});
const to = (state: ClaimState): Decision => ({ ok: true, state });
const STATE_WORDS: Record<ClaimState, string> = {
  draft: "a draft",
  in_review: "in review",
  changes_requested: "sent back with changes requested",
  approved: "approved",
  rejected: "rejected",
  stale: "stale",
};

/** The rule every verdict must pass, on setting it and again on submitting it. */
export function verdictProblem(
  claim: Pick<LifecycleClaim, "kind" | "verdict" | "rationale" | "evidenceCount">,
  accurateBlockedReason?: string | null,
): string | null {
  const { verdict } = claim;
  if (!verdict) return "Set a verdict first.";
  if (verdict.archived) return `“${verdict.label}” is no longer offered; choose another verdict.`;
  if (verdict.requiresRationale && claim.rationale.trim() === "")
    return `Write a rationale: readers need to know why the claim is “${verdict.label}”.`;
  if (verdict.key === "accurate" && accurateBlockedReason) return accurateBlockedReason;
  return null;
}

function needs(actor: Actor | "system", action: SimpleAction): Decision | null {
  if (actor === "system") return null;
  return can(actor, action) ? null : refuse("forbidden", "Your role does not allow this.");
}

/** What `event` does to `claim` when `actor` (or the system) makes it. */
export function decide(claim: LifecycleClaim, event: LifecycleEvent, actor: Actor | "system"): Decision {
  switch (event.type) {
    case "set_verdict": {
      const denied = needs(actor, "claim:set-verdict");
      if (denied) return denied;
      if (event.verdict) {
        const problem = verdictProblem(
          { ...claim, verdict: event.verdict, rationale: event.rationale },
          event.accurateBlockedReason,
        );
        if (problem) return refuse("invalid_input", problem);
      }
      // A new judgement is a new claim to review, and it answers a stale claim's changes.
      return to("draft");
    }
    case "edit": {
      const denied = needs(actor, "claim:update");
      if (denied) return denied;
      if (claim.state === "stale" || claim.state === "changes_requested") return to(claim.state);
      return to("draft");
    }
    case "submit": {
      const denied = needs(actor, "claim:submit");
      if (denied) return denied;
      if (claim.state !== "draft" && claim.state !== "changes_requested") {
        return refuse(
          "conflict",
          claim.state === "stale"
            ? "Its words or evidence changed: set the verdict again, or confirm it still holds."
            : `The claim is ${STATE_WORDS[claim.state]}; only a draft or a claim sent back can be submitted.`,
        );
      }
      return readyForReview(claim, event.accurateBlockedReason) ?? to("in_review");
    }
    case "confirm": {
      const denied = needs(actor, "claim:set-verdict");
      if (denied) return denied;
      if (claim.state !== "stale")
        return refuse("conflict", "Only a stale claim is confirmed; this one has not changed since it was checked.");
      return readyForReview(claim, event.accurateBlockedReason) ?? to("in_review");
    }
    case "review": {
      if (actor === "system") return refuse("forbidden", "A review needs a person.");
      const refusal = reviewRefusal(actor, claim);
      if (refusal) return refuse("forbidden", refusal);
      if (claim.state !== "in_review")
        return refuse("conflict", `The claim is ${STATE_WORDS[claim.state]}, not in review.`);
      if (!claim.anchored) return refuse("conflict", "Its words are no longer in the article; it cannot be reviewed.");
      if (event.decision !== "approve" && event.comment.trim() === "") {
        return refuse(
          "invalid_input",
          event.decision === "reject"
            ? "Say why you reject it: a comment is required."
            : "Say what needs to change: a comment is required.",
        );
      }
      return to(
        event.decision === "approve" ? "approved" : event.decision === "reject" ? "rejected" : "changes_requested",
      );
    }
    case "content_changed":
      if (event.what === "evidence")
        return to(claim.state === "approved" || claim.state === "in_review" ? "stale" : claim.state);
      return to(isJudged(claim) ? "stale" : claim.state);
    case "content_restored":
      return to(claim.state === "stale" ? event.stateBefore : claim.state);
  }
}

function readyForReview(claim: LifecycleClaim, accurateBlockedReason?: string | null): Decision | null {
  if (!claim.anchored)
    return refuse("conflict", "Its words are no longer in the article: undo the deletion or delete the claim.");
  const problem = verdictProblem(claim, accurateBlockedReason);
  if (problem) return refuse("invalid_input", problem);
  if (claim.evidenceCount === 0 && claim.verdict && !NO_EVIDENCE_NEEDED.has(claim.verdict.key)) {
    return refuse(
      "invalid_input",
      `Link the evidence first: a claim called “${claim.verdict.label}” needs at least one source passage.`,
    );
  }
  return null;
}

/** The people who judged a claim since its last approval, with `judge` among them (once). */
export function withJudge(judgedByIds: readonly string[] | null, judge: string): string[] {
  const ids = judgedByIds ?? [];
  return ids.includes(judge) ? [...ids] : [...ids, judge];
}
