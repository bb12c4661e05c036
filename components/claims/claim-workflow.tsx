"use client";

import { useState } from "react";
import { useFocusWhenDone } from "@/components/ui/use-focus-when-done";
import { callApi } from "@/components/editor/api-client";
import type { DossierPermissions, ReviewClaim, ReviewView } from "@/components/evidence/types";
import { buttonClass, secondaryButtonClass } from "@/components/ui/styles";
import { busyProps } from "@/components/ui/busy";

type Props = {
  claim: { id: string; version: number; state: string; verdictKey: string | null };
  reviews: ReviewView[];
  permissions: DossierPermissions | null;
  onChanged: (claim: ReviewClaim) => void;
};

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

/** Where the claim stands in review, and the next step: submit, or confirm a stale verdict. */
export function ClaimWorkflow({ claim, reviews, permissions, onChanged }: Props) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const latest = [...reviews].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  // A done step's button goes away with it: the keyboard's focus moves to the sentence saying so.
  const { box, sentence: said } = useFocusWhenDone<HTMLDivElement, HTMLParagraphElement>(message?.ok && message);

  async function act(path: "submit" | "confirm", done: string) {
    setPending(true);
    const result = await callApi<{ claim: ReviewClaim }>(`/api/v1/claims/${claim.id}/${path}`, {
      method: "POST",
      body: { version: claim.version },
    });
    setPending(false);
    if (result.ok) {
      setMessage({ ok: true, text: done });
      onChanged(result.data.claim);
    } else setMessage({ ok: false, text: result.message });
  }

  const canSubmit = permissions?.canSubmit ?? false;
  const canConfirm = claim.state === "stale" && (permissions?.canConfirm ?? false);
  return (
    <div ref={box} className="space-y-2">
      {claim.state === "changes_requested" && latest?.decision === "request_changes" && (
        <div
          role="note"
          aria-label="The reviewer asks for changes"
          className="rounded border-2 border-amber-500 bg-amber-50 p-2 text-sm text-amber-950"
          data-testid="changes-requested"
        >
          <p className="font-semibold">
            {latest.reviewer.name} asked for changes ({when(latest.createdAt)}):
          </p>
          <p className="mt-1 whitespace-pre-wrap wrap-anywhere">{latest.comment}</p>
          <p className="mt-1 text-xs">Make the changes, then submit it for review again.</p>
        </div>
      )}
      {claim.state === "rejected" && latest?.decision === "reject" && (
        <div role="note" className="rounded border-2 border-red-500 bg-red-50 p-2 text-sm text-red-950">
          <p className="font-semibold">Rejected by {latest.reviewer.name}:</p>
          <p className="mt-1 whitespace-pre-wrap wrap-anywhere">{latest.comment}</p>
        </div>
      )}
      {claim.state === "approved" && latest?.decision === "approve" && (
        <p className="rounded border border-green-400 bg-green-50 p-2 text-sm text-green-950">
          Approved by {latest.reviewer.name}, {when(latest.createdAt)}.
        </p>
      )}
      {(canSubmit || canConfirm) && (
        <div className="flex flex-wrap gap-2">
          {canSubmit && (
            <button
              type="button"
              className={buttonClass}
              {...busyProps(pending)}
              onClick={() => void act("submit", "Submitted for review.")}
            >
              Submit for review
            </button>
          )}
          {canConfirm && (
            <button
              type="button"
              className={secondaryButtonClass}
              {...busyProps(pending)}
              aria-describedby="still-holds-help"
              onClick={() => void act("confirm", "Confirmed: the verdict still holds. It is back in the review queue.")}
            >
              Still holds
            </button>
          )}
        </div>
      )}
      {canConfirm && (
        <p id="still-holds-help" className="text-xs text-stone-700">
          “Still holds” keeps the verdict and rationale for the changed words and sends the claim back to review.
          Otherwise, set a new verdict and submit.
        </p>
      )}
      {message && (
        <p
          ref={said}
          tabIndex={-1}
          role={message.ok ? "status" : "alert"}
          className={`text-sm focus:outline-none ${message.ok ? "text-green-800" : "text-red-800"}`}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
