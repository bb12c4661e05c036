"use client";

import { useState } from "react";
import { ClaimSuggestions } from "@/components/claims/claim-suggestions";
import { KindOptions } from "@/components/claims/kind-options";
import { callApi } from "@/components/editor/api-client";
import { STATE_LABELS, type ClaimKind, type EditorClaim, type VerdictOption } from "@/components/editor/types";
import { buttonClass, dangerButtonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";

type Props = {
  claim: EditorClaim;
  verdicts: VerdictOption[];
  canEdit: boolean;
  onSaved: (claim: EditorClaim) => void;
  onDelete: () => void;
  onClose: () => void;
};

export function ClaimDetails({ claim, verdicts, canEdit, onSaved, onDelete, onClose }: Props) {
  const [kind, setKind] = useState<ClaimKind>(claim.kind);
  const [speaker, setSpeaker] = useState(claim.speaker ?? "");
  const [verdictKey, setVerdictKey] = useState(claim.verdictKey ?? "");
  const [rationale, setRationale] = useState(claim.rationale);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function save(event: React.FormEvent) {
    event.preventDefault();
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
    } else setMessage({ ok: false, text: result.message });
  }

  return (
    <form onSubmit={save} aria-labelledby="claim-details-heading" className="space-y-3 rounded-lg border border-stone-300 bg-white p-3" onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <div className="flex items-center justify-between">
        <h2 id="claim-details-heading" className="font-semibold">
          Claim · {STATE_LABELS[claim.anchorStatus === "orphaned" ? "orphaned" : claim.state]}
        </h2>
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          Close
        </button>
      </div>
      <blockquote className="border-l-4 border-amber-400 pl-2 font-serif text-sm">{claim.exact}</blockquote>
      {claim.anchorStatus === "orphaned" && (
        <p className="rounded bg-red-50 p-2 text-sm text-red-900">Its words are no longer in the article. Undo the deletion in the editor to bring it back, or delete the claim.</p>
      )}
      {claim.state === "stale" && claim.staleDetail && (
        <div className="rounded bg-orange-50 p-2 text-sm text-orange-950" data-testid="stale-detail">
          <p className="font-medium">The words changed after it was checked; it needs a new check.</p>
          <p>
            Was: <q>{claim.staleDetail.previousExact}</q>
          </p>
          <p>
            Now: <q>{claim.staleDetail.currentExact}</q>
          </p>
        </div>
      )}
      <fieldset disabled={!canEdit || pending} className="space-y-3">
        <div>
          <label htmlFor="claim-kind" className={labelClass}>
            Kind
          </label>
          <select id="claim-kind" value={kind} onChange={(e) => setKind(e.target.value as ClaimKind)} className={`${inputClass} mt-1`}>
            <KindOptions />
          </select>
        </div>
        <div>
          <label htmlFor="claim-speaker" className={labelClass}>
            Speaker
          </label>
          <input id="claim-speaker" value={speaker} onChange={(e) => setSpeaker(e.target.value)} className={`${inputClass} mt-1`} />
        </div>
        <div>
          <label htmlFor="claim-verdict" className={labelClass}>
            Verdict
          </label>
          <select id="claim-verdict" value={verdictKey} onChange={(e) => setVerdictKey(e.target.value)} className={`${inputClass} mt-1`}>
            <option value="">Not judged yet</option>
            {verdicts.map((v) => (
              <option key={v.key} value={v.key}>
                {v.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="claim-rationale" className={labelClass}>
            Rationale
          </label>
          <textarea id="claim-rationale" value={rationale} onChange={(e) => setRationale(e.target.value)} rows={4} className={`${inputClass} mt-1`} />
        </div>
        {canEdit && (
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={buttonClass}>
              {pending ? "Saving…" : "Save claim"}
            </button>
            <button type="button" className={dangerButtonClass} onClick={onDelete}>
              Delete claim
            </button>
          </div>
        )}
      </fieldset>
      {message && (
        <p role="status" className={`text-sm ${message.ok ? "text-green-800" : "text-red-800"}`}>
          {message.text}
        </p>
      )}
      <ClaimSuggestions text={claim.exact} />
    </form>
  );
}
