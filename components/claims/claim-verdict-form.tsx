"use client";

import { useState } from "react";
import { KindOptions } from "@/components/claims/kind-options";
import { callApi } from "@/components/editor/api-client";
import type { ClaimKind, EditorClaim, VerdictOption } from "@/components/editor/types";
import { buttonClass, dangerButtonClass, inputClass, labelClass } from "@/components/ui/styles";
import { busyProps } from "@/components/ui/busy";

type Props = {
  claim: EditorClaim;
  verdicts: VerdictOption[];
  canEdit: boolean;
  /** Why the verdict cannot change now (in review, approved), or null. */
  lockedReason: string | null;
  accurateBlockedReason: string | null;
  onSaved: (claim: EditorClaim) => void;
  onDelete: () => void;
};

// Until the verdict set says otherwise, only "accurate" goes without a rationale (the house rule).
export const needsRationale = (v: VerdictOption | undefined) =>
  v ? (v.requiresRationale ?? v.key !== "accurate") : false;

export function ClaimVerdictForm({
  claim,
  verdicts,
  canEdit,
  lockedReason,
  accurateBlockedReason,
  onSaved,
  onDelete,
}: Props) {
  const [kind, setKind] = useState<ClaimKind>(claim.kind);
  const [speaker, setSpeaker] = useState(claim.speaker ?? "");
  const [verdictKey, setVerdictKey] = useState(claim.verdictKey ?? "");
  const [rationale, setRationale] = useState(claim.rationale);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const chosen = verdicts.find((v) => v.key === verdictKey);
  const offered = verdicts.filter((v) => !v.archived || v.key === claim.verdictKey);
  // In review or approved, the verdict is read-only until the editor chooses to take it back:
  // a new verdict withdraws the claim from review (the server sends it back to draft).
  const [unlocked, setUnlocked] = useState(false);
  const locked = lockedReason !== null && !unlocked;

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    // Send only what changed, so fixing a speaker is not recorded as setting the verdict.
    const body: Record<string, unknown> = { version: claim.version };
    if (kind !== claim.kind) body.kind = kind;
    if (speaker !== (claim.speaker ?? "")) body.speaker = speaker;
    if ((verdictKey || null) !== claim.verdictKey) body.verdictKey = verdictKey || null;
    if (rationale !== claim.rationale) body.rationale = rationale;
    const result = await callApi<{ claim: EditorClaim }>(`/api/v1/claims/${claim.id}`, { method: "PATCH", body });
    setPending(false);
    if (result.ok) {
      onSaved(result.data.claim);
      setMessage({ ok: true, text: "Claim saved." });
    } else
      setMessage({
        ok: false,
        text:
          result.status === 409 ? `${result.message} Close and reopen the claim to see the latest.` : result.message,
      });
  }

  return (
    <form onSubmit={save} className="space-y-3">
      {locked && (
        <div
          className="space-y-2 rounded border border-blue-300 bg-blue-50 p-2 text-sm text-blue-950"
          data-testid="verdict-locked"
        >
          <p>{lockedReason}</p>
          {canEdit && (
            <button type="button" className="font-medium underline" onClick={() => setUnlocked(true)}>
              Withdraw it to change the verdict
            </button>
          )}
        </div>
      )}
      {lockedReason !== null && unlocked && (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
          Saving a change takes the claim out of review: it becomes a draft to submit again.
        </p>
      )}
      {/* Not disabled while saving: a disabled field or button drops the keyboard's focus to the page. */}
      <fieldset disabled={!canEdit || locked} aria-busy={pending} className="space-y-3">
        <div>
          <label htmlFor="claim-kind" className={labelClass}>
            Kind
          </label>
          <select
            id="claim-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as ClaimKind)}
            className={`${inputClass} mt-1`}
          >
            <KindOptions />
          </select>
        </div>
        <div>
          <label htmlFor="claim-speaker" className={labelClass}>
            Speaker
          </label>
          <input
            id="claim-speaker"
            value={speaker}
            onChange={(e) => setSpeaker(e.target.value)}
            className={`${inputClass} mt-1`}
          />
        </div>
        <div>
          <label htmlFor="claim-verdict" className={labelClass}>
            Verdict
          </label>
          <select
            id="claim-verdict"
            value={verdictKey}
            onChange={(e) => setVerdictKey(e.target.value)}
            className={`${inputClass} mt-1`}
            aria-describedby="claim-verdict-help"
          >
            <option value="">Not judged yet</option>
            {offered.map((v) => (
              <option key={v.key} value={v.key}>
                {v.archived ? `${v.label} (retired)` : v.label}
              </option>
            ))}
          </select>
          <div id="claim-verdict-help" className="mt-1 space-y-1 text-xs text-stone-700">
            {chosen?.description && <p>{chosen.description}</p>}
            {accurateBlockedReason && (
              <p
                className="rounded border border-purple-300 bg-purple-50 p-1 text-purple-950"
                data-testid="accurate-blocked"
              >
                <span className="font-semibold">“Accurate” is not available: </span>
                {accurateBlockedReason}
              </p>
            )}
          </div>
        </div>
        <div>
          <label htmlFor="claim-rationale" className={labelClass}>
            Rationale
          </label>
          {/* Outside the label, so the field's name stays "Rationale". */}
          <p id="claim-rationale-rule" className="text-xs text-stone-700" data-testid="rationale-rule">
            {!chosen
              ? ""
              : needsRationale(chosen)
                ? `Required for “${chosen.label}”: say why, for the reader.`
                : `Optional for “${chosen.label}”.`}
          </p>
          <textarea
            id="claim-rationale"
            value={rationale}
            onChange={(e) => setRationale(e.target.value)}
            rows={4}
            aria-required={needsRationale(chosen)}
            aria-describedby="claim-rationale-rule"
            className={`${inputClass} mt-1`}
          />
        </div>
        {canEdit && (
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={buttonClass} {...busyProps(pending)}>
              {pending ? "Saving…" : "Save claim"}
            </button>
            <button type="button" className={dangerButtonClass} onClick={onDelete}>
              Delete claim
            </button>
          </div>
        )}
      </fieldset>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-green-800" : "text-red-800"}`}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
