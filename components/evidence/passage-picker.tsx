"use client";

import { useEffect, useId, useRef, useState } from "react";
import { callApi } from "@/components/editor/api-client";
import { findWords, isWhole, moveEdge, snapToWords, type Span } from "@/components/evidence/passage-span";
import type { EvidenceView, PassageView, Relation, ReviewClaim } from "@/components/evidence/types";
import { sourceMeta } from "@/components/evidence/evidence-card";
import { ReliabilityNote } from "@/components/sources/reliability-note";
import { inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { RelationNoteFields } from "@/components/evidence/relation-note-fields";
import { FormActions } from "@/components/ui/form-actions";

type Props = {
  claimId: string;
  passageId: string;
  onSaved: (result: { evidence: EvidenceView; claim: ReviewClaim }) => void;
  onCancel: () => void;
};
type Load = { status: "loading" } | { status: "failed"; message: string } | { status: "done"; passage: PassageView };

/** Offsets of a DOM selection inside `container`, in UTF-16 code units of its text, or null. */
function selectionIn(container: HTMLElement): Span | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { start, end: start + range.toString().length };
}

/**
 * Opens a passage to cite it: select the words with the mouse, find them by typing, or take the
 * whole passage; then move either edge a word at a time, pick the relation and save.
 */
export function PassagePicker({ claimId, passageId, onSaved, onCancel }: Props) {
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [span, setSpan] = useState<Span | null>(null);
  const [find, setFind] = useState("");
  const [relation, setRelation] = useState<Relation>("supports");
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const textRef = useRef<HTMLParagraphElement>(null);
  const id = useId();

  useEffect(() => {
    let live = true;
    void callApi<{ passage: PassageView }>(`/api/v1/passages/${passageId}`, { method: "GET" }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setLoad({ status: "done", passage: r.data.passage });
        setSpan({ start: 0, end: r.data.passage.text.length });
      } else setLoad({ status: "failed", message: r.message });
    });
    return () => {
      live = false;
    };
  }, [passageId]);

  if (load.status === "loading")
    return (
      <p role="status" className="text-sm text-stone-700">
        Opening the passage…
      </p>
    );
  if (load.status === "failed")
    return (
      <p role="alert" className="text-sm text-red-800">
        {load.message}{" "}
        <button type="button" className="underline" onClick={onCancel}>
          Back
        </button>
      </p>
    );

  const { passage } = load;
  const text = passage.text;
  const current = span ?? { start: 0, end: text.length };

  function takeMouseSelection() {
    const selected = textRef.current && selectionIn(textRef.current);
    if (selected && selected.end > selected.start) setSpan(snapToWords(text, selected));
  }

  function findTyped() {
    const found = findWords(text, find);
    if (found) {
      setSpan(found);
      setMessage(null);
    } else setMessage(`“${find.trim()}” is not in this passage.`);
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    const body: Record<string, unknown> = { passageId, relation, note: note.trim() || undefined };
    if (!isWhole(text, current)) Object.assign(body, { start: current.start, end: current.end });
    const result = await callApi<{ evidence: EvidenceView; claim: ReviewClaim }>(`/api/v1/claims/${claimId}/evidence`, {
      method: "POST",
      body,
    });
    setPending(false);
    if (result.ok) onSaved(result.data);
    else setMessage(result.message);
  }

  const edge = (which: "start" | "end", direction: -1 | 1) => () => setSpan(moveEdge(text, current, which, direction));
  return (
    <form
      onSubmit={save}
      aria-labelledby={`${id}-heading`}
      className="space-y-3 rounded border border-blue-300 bg-blue-50 p-2"
      onKeyDown={(e) => e.key === "Escape" && (e.stopPropagation(), onCancel())}
    >
      <div>
        <h4 id={`${id}-heading`} className="text-sm font-semibold">
          Cite words from {passage.document.title}
        </h4>
        <p className="text-xs text-stone-700">
          {sourceMeta({ ...passage.document, place: null })} · passage {passage.ordinal + 1}
        </p>
        <ReliabilityNote note={passage.document.reliabilityNote} compact />
      </div>
      <p id={`${id}-help`} className="text-xs text-stone-700">
        Select the words that bear on the claim with the mouse, or type them below; the selection takes whole words.
      </p>
      <p
        ref={textRef}
        onMouseUp={takeMouseSelection}
        onKeyUp={(e) => e.shiftKey && takeMouseSelection()}
        aria-describedby={`${id}-help`}
        aria-label={`Passage text${passage.speaker ? `, ${passage.speaker} speaking` : ""}`}
        className="max-h-64 overflow-y-auto whitespace-pre-wrap rounded border border-stone-300 bg-white p-2 font-serif text-sm leading-relaxed wrap-anywhere"
        data-testid="passage-text"
      >
        {text.slice(0, current.start)}
        <mark className="bg-yellow-200 text-stone-950 underline decoration-2">
          {text.slice(current.start, current.end)}
        </mark>
        {text.slice(current.end)}
      </p>
      <p role="status" className="text-sm" data-testid="selected-words">
        {isWhole(text, current) ? (
          "The whole passage is selected."
        ) : (
          <>
            Selected: <q>{text.slice(current.start, current.end)}</q>
          </>
        )}
      </p>
      <div className="flex flex-wrap gap-1" role="group" aria-label="Adjust the selection">
        <button type="button" className={secondaryButtonClass} onClick={() => setSpan({ start: 0, end: text.length })}>
          Use whole passage
        </button>
        <button type="button" className={secondaryButtonClass} onClick={edge("start", -1)}>
          Start one word earlier
        </button>
        <button type="button" className={secondaryButtonClass} onClick={edge("start", 1)}>
          Start one word later
        </button>
        <button type="button" className={secondaryButtonClass} onClick={edge("end", -1)}>
          End one word earlier
        </button>
        <button type="button" className={secondaryButtonClass} onClick={edge("end", 1)}>
          End one word later
        </button>
      </div>
      <div>
        <label htmlFor={`${id}-find`} className={labelClass}>
          Find words in this passage
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id={`${id}-find`}
            value={find}
            onChange={(e) => setFind(e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), findTyped())}
            className={inputClass}
          />
          <button type="button" className={secondaryButtonClass} onClick={findTyped}>
            Select these words
          </button>
        </div>
      </div>
      <RelationNoteFields id={id} relation={relation} note={note} onRelation={setRelation} onNote={setNote} />
      <FormActions error={message} pending={pending} saveLabel="Save evidence" onCancel={onCancel} />
    </form>
  );
}
