"use client";

import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";
import { callApi } from "@/components/editor/api-client";
import type { ReviewClaim, ReviewView } from "@/components/evidence/types";
import { buttonClass, dangerButtonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { busyProps } from "@/components/ui/busy";
import { useFocusWhenDone } from "@/components/ui/use-focus-when-done";

export type Decision = "approve" | "request_changes" | "reject";
export type ReviewActionsHandle = { approve: () => void; requestChanges: () => void };

type Props = {
  claim: { id: string; version: number };
  canReview: boolean;
  blockedReason: string | null;
  onDecided: (result: { review: ReviewView; claim: ReviewClaim }) => void;
};

const DONE: Record<Decision, string> = {
  approve: "Approved.",
  request_changes: "Sent back to the editor with your comment.",
  reject: "Rejected.",
};

/**
 * Approve, request changes or reject, with the comment the last two need. The server has the
 * last word (who may review, what needs a comment); its sentence is shown as it is.
 */
export const ReviewActions = forwardRef<ReviewActionsHandle, Props>(function ReviewActions(
  { claim, canReview, blockedReason, onDecided },
  ref,
) {
  const [comment, setComment] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const commentBox = useRef<HTMLTextAreaElement>(null);
  // While a decision is out, the controls stay focusable (busy, not disabled); once it is made,
  // the buttons are disabled for good, so the keyboard's focus moves to the sentence saying so.
  const { box, sentence: said } = useFocusWhenDone<HTMLElement, HTMLParagraphElement>(message?.ok && message);
  // After a refusal for want of a comment, the comment box takes the focus.
  const [focusComment, setFocusComment] = useState(0);
  useEffect(() => {
    if (focusComment > 0) commentBox.current?.focus();
  }, [focusComment]);

  async function decide(decision: Decision) {
    if (!canReview || pending) return;
    setPending(true);
    const body = { version: claim.version, decision, comment: comment.trim() || undefined };
    const result = await callApi<{ review: ReviewView; claim: ReviewClaim }>(`/api/v1/claims/${claim.id}/reviews`, {
      method: "POST",
      body,
    });
    setPending(false);
    if (!result.ok) {
      setMessage({ ok: false, text: result.message });
      if (decision !== "approve" && !comment.trim()) setFocusComment((n) => n + 1);
      return;
    }
    setComment("");
    setMessage({ ok: true, text: DONE[decision] });
    onDecided(result.data);
  }

  useImperativeHandle(ref, () => ({
    approve: () => void decide("approve"),
    requestChanges: () => {
      // "r" starts a request: the comment comes first, Ctrl+Enter (or the button) sends it.
      if (comment.trim()) void decide("request_changes");
      else commentBox.current?.focus();
    },
  }));

  return (
    <section
      ref={box}
      aria-labelledby="decide-heading"
      className="space-y-3 rounded-lg border border-stone-300 bg-white p-3"
    >
      <h2 id="decide-heading" className="font-semibold">
        Your decision
      </h2>
      {!canReview && blockedReason && (
        <p
          id="review-blocked"
          role="note"
          className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900"
          data-testid="review-blocked"
        >
          {blockedReason}
        </p>
      )}
      <div>
        <label htmlFor="review-comment" className={labelClass}>
          Comment for the editor{" "}
          <span className="font-normal text-stone-700">(required to request changes or reject)</span>
        </label>
        <textarea
          ref={commentBox}
          id="review-comment"
          rows={3}
          value={comment}
          disabled={!canReview}
          readOnly={pending}
          onChange={(e) => setComment(e.target.value)}
          onKeyDown={(e) =>
            e.key === "Enter" && (e.ctrlKey || e.metaKey) && (e.preventDefault(), void decide("request_changes"))
          }
          aria-describedby="review-comment-help"
          className={`${inputClass} mt-1`}
        />
        <p id="review-comment-help" className="mt-1 text-xs text-stone-700">
          Ctrl+Enter in this box requests changes.
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass}
          disabled={!canReview}
          {...busyProps(pending)}
          aria-describedby={blockedReason ? "review-blocked" : undefined}
          aria-keyshortcuts="a"
          onClick={() => void decide("approve")}
        >
          Approve
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={!canReview}
          {...busyProps(pending)}
          aria-describedby={blockedReason ? "review-blocked" : undefined}
          aria-keyshortcuts="r"
          onClick={() => void decide("request_changes")}
        >
          Request changes
        </button>
        <button
          type="button"
          className={dangerButtonClass}
          disabled={!canReview}
          {...busyProps(pending)}
          aria-describedby={blockedReason ? "review-blocked" : undefined}
          onClick={() => void decide("reject")}
        >
          Reject
        </button>
      </div>
      {message && (
        <p
          ref={said}
          tabIndex={-1}
          role={message.ok ? "status" : "alert"}
          className={`text-sm focus:outline-none ${message.ok ? "text-green-800" : "text-red-800"}`}
          data-testid="review-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
});
