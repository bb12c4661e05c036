"use client";

import { useState } from "react";
import { CLAIM_KINDS, KIND_LABELS, type ClaimKind } from "@/components/editor/types";
import { inputClass, labelClass } from "@/components/ui/styles";
import { FormActions } from "@/components/ui/form-actions";

export type NewClaimDraft = { exact: string; kind: ClaimKind; speaker: string };

export function NewClaimForm({
  draft,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  draft: NewClaimDraft;
  pending: boolean;
  error: string | null;
  onSubmit: (d: NewClaimDraft) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<ClaimKind>(draft.kind);
  const [speaker, setSpeaker] = useState(draft.speaker);
  return (
    <form
      aria-labelledby="new-claim-heading"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ exact: draft.exact, kind, speaker });
      }}
      onKeyDown={(e) => e.key === "Escape" && onCancel()}
    >
      <h2 id="new-claim-heading" className="font-semibold">
        New claim
      </h2>
      <blockquote className="border-l-4 border-amber-400 pl-2 font-serif text-sm">{draft.exact}</blockquote>
      <fieldset>
        <legend className={labelClass}>Kind</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {CLAIM_KINDS.map((k) => (
            <label key={k} className="flex items-center gap-1 text-sm">
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
                autoFocus={k === kind}
              />
              {KIND_LABELS[k]}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="new-claim-speaker" className={labelClass}>
          Speaker {kind === "quote" ? "" : "(optional)"}
        </label>
        <input
          id="new-claim-speaker"
          value={speaker}
          onChange={(e) => setSpeaker(e.target.value)}
          className={`${inputClass} mt-1`}
          placeholder="Who said it?"
        />
        {draft.speaker && (
          <p className="mt-1 text-xs text-stone-700">Suggested from the sentence around the quote; check it.</p>
        )}
      </div>
      <FormActions error={error} pending={pending} saveLabel="Save claim" onCancel={onCancel} />
    </form>
  );
}
