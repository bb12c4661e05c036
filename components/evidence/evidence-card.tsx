"use client";

import { useId, useState } from "react";
import { CitedPassage } from "@/components/evidence/cited-passage";
import { QuoteCheckView } from "@/components/evidence/quote-check-view";
import { RELATION_LABELS, type EvidenceView, type Relation } from "@/components/evidence/types";
import { formatDate, KIND_LABELS } from "@/components/sources/labels";
import { ReliabilityNote } from "@/components/sources/reliability-note";
import { dangerButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { RelationNoteFields } from "@/components/evidence/relation-note-fields";
import { FormActions } from "@/components/ui/form-actions";
import { busyProps } from "@/components/ui/busy";

const RELATION_STYLE = {
  supports: "bg-green-100 text-green-900",
  contradicts: "bg-red-100 text-red-900",
  context: "bg-stone-200 text-stone-900",
} as const;

/** Kind, primary or secondary, date and place, for a line under a source title. */
export function sourceMeta(
  doc: Pick<EvidenceView["document"], "primary" | "date" | "place"> & { kind: string },
): string {
  return [
    KIND_LABELS[doc.kind as keyof typeof KIND_LABELS] ?? doc.kind,
    doc.primary ? "Primary source" : "Secondary source",
    formatDate(doc.date),
    doc.place,
  ]
    .filter(Boolean)
    .join(" · ");
}

export type EvidenceChange = { relation: Relation; note: string };

/** Changes the relation and note of linked evidence; the cited words stay (remove and cite again to change them). */
function EvidenceEditForm({
  evidence,
  onSave,
  onDone,
}: {
  evidence: EvidenceView;
  onSave: (change: EvidenceChange) => Promise<string | null>;
  onDone: () => void;
}) {
  const id = useId();
  const [relation, setRelation] = useState<Relation>(evidence.relation);
  const [note, setNote] = useState(evidence.note);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      aria-label={`Change evidence from ${evidence.document.title}`}
      className="space-y-2 rounded border border-stone-200 bg-stone-50 p-2"
      onKeyDown={(e) => e.key === "Escape" && (e.preventDefault(), onDone())}
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        const failure = await onSave({ relation, note: note.trim() });
        setPending(false);
        if (failure) setError(failure);
        else onDone();
      }}
    >
      <RelationNoteFields
        id={id}
        relation={relation}
        note={note}
        disabled={pending}
        onRelation={setRelation}
        onNote={setNote}
      />
      <FormActions error={error} pending={pending} saveLabel="Save change" onCancel={onDone} />
    </form>
  );
}

/** One piece of evidence: its source, the cited words in their passage, and the quote check. */
export function EvidenceCard({
  evidence,
  claimText,
  onRemove,
  onUpdate,
}: {
  evidence: EvidenceView;
  claimText: string;
  onRemove?: () => Promise<void>;
  /** Saves a new relation or note; resolves to an error message, or null when saved. */
  onUpdate?: (change: EvidenceChange) => Promise<string | null>;
}) {
  const [pending, setPending] = useState(false);
  const [editing, setEditing] = useState(false);
  const { document: doc } = evidence;
  return (
    <article
      aria-label={`Evidence from ${doc.title}`}
      className="space-y-2 rounded border border-stone-200 bg-white p-2"
      data-testid="evidence-card"
    >
      <header className="space-y-0.5">
        <p className="flex flex-wrap items-center gap-2">
          <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${RELATION_STYLE[evidence.relation]}`}>
            {RELATION_LABELS[evidence.relation]}
          </span>
          <a
            href={`/sources/${encodeURIComponent(doc.slug)}?passage=${evidence.passage.id}#passage-${evidence.passage.id}`}
            className="text-sm font-semibold text-blue-800 underline"
          >
            {doc.title}
          </a>
        </p>
        <p className="text-xs text-stone-700">{sourceMeta(doc)}</p>
        <ReliabilityNote note={doc.reliabilityNote} compact />
      </header>
      <CitedPassage
        text={evidence.passage.text}
        start={evidence.passageStart}
        end={evidence.passageEnd}
        speaker={evidence.passage.speaker}
      />
      {editing && onUpdate ? (
        <EvidenceEditForm evidence={evidence} onSave={onUpdate} onDone={() => setEditing(false)} />
      ) : (
        evidence.note && (
          <p className="text-sm">
            <span className="font-semibold">Note: </span>
            {evidence.note}
          </p>
        )
      )}
      {evidence.quoteCheck && (
        <QuoteCheckView check={evidence.quoteCheck} articleText={claimText} citedText={evidence.exact} />
      )}
      <p className="flex items-center justify-between text-xs text-stone-600">
        <span>
          Linked by {evidence.createdBy.name}
          {doc.url && (
            <>
              {" · "}
              <a href={doc.url} className="underline" rel="noopener noreferrer nofollow">
                original
              </a>
            </>
          )}
        </span>
        <span className="flex gap-2">
          {onUpdate && !editing && (
            <button type="button" className={secondaryButtonClass} onClick={() => setEditing(true)}>
              Change<span className="sr-only"> relation or note of evidence from {doc.title}</span>
            </button>
          )}
          {onRemove && (
            <button
              type="button"
              className={dangerButtonClass}
              {...busyProps(pending)}
              onClick={async () => {
                if (!window.confirm(`Remove this evidence from ${doc.title}?`)) return;
                setPending(true);
                await onRemove();
                setPending(false);
              }}
            >
              Remove<span className="sr-only"> evidence from {doc.title}</span>
            </button>
          )}
        </span>
      </p>
    </article>
  );
}
