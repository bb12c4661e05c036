"use client";

import { useEffect, useRef, useState } from "react";
import { ClaimSuggestions } from "@/components/claims/claim-suggestions";
import { callApi } from "@/components/editor/api-client";
import { EvidenceCard, type EvidenceChange } from "@/components/evidence/evidence-card";
import { EvidenceSearch } from "@/components/evidence/evidence-search";
import { PassagePicker } from "@/components/evidence/passage-picker";
import type { EvidenceView, ReviewClaim } from "@/components/evidence/types";

type Props = {
  claim: { id: string; exact: string };
  evidence: EvidenceView[] | null;
  loadError: string | null;
  canLink: boolean;
  onChanged: (claim: ReviewClaim) => void;
};

/** The claim's evidence: what is linked, and how to link more (suggestions, search, a passage's words). */
export function EvidenceSection({ claim, evidence, loadError, canLink, onChanged }: Props) {
  const [picking, setPicking] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // Open by default while there is no evidence; after that, as the editor leaves it.
  const [expanded, setExpanded] = useState<boolean | null>(null);
  const adding = expanded ?? (evidence !== null && evidence.length === 0);
  // The keyboard's focus follows the work: into the words picker when it opens, back to "Add
  // evidence" when it closes (the button that opened it is gone by then).
  const pickerBox = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const wasPicking = useRef(false);
  useEffect(() => {
    if (picking) pickerBox.current?.focus();
    else if (wasPicking.current) addButton.current?.focus();
    wasPicking.current = picking !== null;
  }, [picking]);

  async function remove(item: EvidenceView) {
    const result = await callApi<{ claim: ReviewClaim }>(`/api/v1/evidence/${item.id}`, { method: "DELETE" });
    if (result.ok) {
      setMessage({ ok: true, text: `Evidence from ${item.document.title} removed.` });
      onChanged(result.data.claim);
    } else setMessage({ ok: false, text: result.message });
  }

  async function update(item: EvidenceView, change: EvidenceChange): Promise<string | null> {
    const result = await callApi<{ claim: ReviewClaim }>(`/api/v1/evidence/${item.id}`, {
      method: "PATCH",
      body: { ...change, was: { relation: item.relation, note: item.note } },
    });
    if (!result.ok) return result.message;
    setMessage({ ok: true, text: `Evidence from ${item.document.title} changed.` });
    onChanged(result.data.claim);
    return null;
  }

  return (
    <section aria-labelledby="evidence-heading" className="space-y-2">
      <h3 id="evidence-heading" className="text-sm font-semibold">
        Evidence {evidence && <span className="font-normal text-stone-700">({evidence.length})</span>}
      </h3>
      {loadError && (
        <p role="alert" className="text-sm text-red-800">
          The evidence could not be loaded: {loadError}
        </p>
      )}
      {!evidence && !loadError && <p className="text-sm text-stone-700">Loading the evidence…</p>}
      {evidence && evidence.length === 0 && (
        <p className="rounded border border-dashed border-stone-300 p-2 text-sm text-stone-700">
          No evidence yet. Cite a source passage below.
        </p>
      )}
      {evidence && evidence.length > 0 && (
        <ul aria-label="Linked evidence" className="space-y-2">
          {evidence.map((e) => (
            <li key={e.id}>
              <EvidenceCard
                evidence={e}
                claimText={claim.exact}
                onRemove={canLink ? () => remove(e) : undefined}
                onUpdate={canLink ? (change) => update(e, change) : undefined}
              />
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p role="status" className={`text-sm ${message.ok ? "text-green-800" : "text-red-800"}`}>
          {message.text}
        </p>
      )}
      {canLink &&
        (picking ? (
          <div ref={pickerBox} tabIndex={-1} role="group" aria-label="Cite words" className="focus:outline-none">
            <PassagePicker
              key={picking}
              claimId={claim.id}
              passageId={picking}
              onCancel={() => setPicking(null)}
              onSaved={({ evidence: saved, claim: updated }) => {
                setPicking(null);
                setMessage({ ok: true, text: `Evidence from ${saved.document.title} saved.` });
                onChanged(updated);
              }}
            />
          </div>
        ) : (
          <div className="rounded border border-stone-200 p-2">
            <button
              ref={addButton}
              type="button"
              aria-expanded={adding}
              aria-controls="add-evidence"
              className="text-sm font-medium text-blue-800 underline"
              onClick={() => setExpanded(!adding)}
            >
              Add evidence
            </button>
            {adding && (
              <div id="add-evidence" className="mt-2 space-y-3">
                <ClaimSuggestions text={claim.exact} onCite={setPicking} />
                <EvidenceSearch initialQuery="" onCite={setPicking} />
              </div>
            )}
          </div>
        ))}
      {!canLink && <ClaimSuggestions text={claim.exact} />}
    </section>
  );
}
