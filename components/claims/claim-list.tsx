"use client";

import { memo, useCallback, useMemo, useRef, useState } from "react";
import { KindOptions } from "@/components/claims/kind-options";
import { KIND_LABELS, STATE_LABELS, type EditorClaim, type VerdictOption } from "@/components/editor/types";
import { StateBadge } from "@/components/ui/state-badge";

type Props = {
  claims: EditorClaim[];
  verdicts: VerdictOption[];
  activeId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
};

const stateOf = (c: EditorClaim) => (c.anchorStatus === "orphaned" ? "orphaned" : c.state);

/**
 * Claims in document order. Arrow keys move between them, Enter opens one, Home/End jump.
 * A long article has a thousand claims: each row is memoised on what it shows, so typing in the
 * article, an autosave (which hands back every claim, most only moved) or a new claim re-renders
 * only the rows that changed, and rows out of view are not laid out (content-visibility).
 */
export const ClaimList = memo(function ClaimList({ claims, verdicts, activeId, onSelect, onOpen }: Props) {
  const [state, setState] = useState("");
  const [kind, setKind] = useState("");
  const list = useRef<HTMLUListElement>(null);
  // The claim the first click of a double click landed on. Selecting a claim scrolls the article
  // (and the page) to its words, so the second click can land on another claim of the list: a
  // double click opens a claim only when both clicks were on it, so a verdict never lands on a
  // claim the editor did not pick.
  const firstClick = useRef<string | null>(null);
  const shown = useMemo(
    () => claims.filter((c) => (!state || stateOf(c) === state) && (!kind || c.kind === kind)),
    [claims, state, kind],
  );
  const verdictLabels = useMemo(() => new Map(verdicts.map((v) => [v.key, v.label])), [verdicts]);

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent<HTMLButtonElement>, index: number) => {
      const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>("button[data-claim]") ?? [])];
      const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
      if (target === undefined) return;
      event.preventDefault();
      const button = buttons[Math.max(0, Math.min(buttons.length - 1, target))];
      button?.focus();
      if (button?.dataset.claim) onSelect(button.dataset.claim);
    },
    [onSelect],
  );
  const onClick = useCallback(
    (event: React.MouseEvent, id: string) => {
      if (event.detail <= 1) firstClick.current = id;
      else if (firstClick.current !== id) firstClick.current = null;
      onSelect(id);
    },
    [onSelect],
  );
  const onDoubleClick = useCallback(
    (id: string) => {
      if (firstClick.current === id) onOpen(id);
      firstClick.current = null;
    },
    [onOpen],
  );

  return (
    <section aria-labelledby="claims-heading" className="space-y-2">
      <h2 id="claims-heading" className="font-semibold">
        Claims{" "}
        <span className="text-sm font-normal text-stone-700">
          ({shown.length} of {claims.length})
        </span>
      </h2>
      <div className="flex gap-2 text-sm">
        <label className="sr-only" htmlFor="filter-state">
          Filter by state
        </label>
        <select
          id="filter-state"
          value={state}
          onChange={(e) => setState(e.target.value)}
          className="rounded border border-stone-400 bg-white px-2 py-1"
        >
          <option value="">Any state</option>
          {Object.entries(STATE_LABELS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        <label className="sr-only" htmlFor="filter-kind">
          Filter by kind
        </label>
        <select
          id="filter-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          className="rounded border border-stone-400 bg-white px-2 py-1"
        >
          <option value="">Any kind</option>
          <KindOptions />
        </select>
      </div>
      {claims.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-3 text-sm text-stone-700">
          No claims yet. Select words in the article and press “Mark claim” (Ctrl+Shift+M).
        </p>
      ) : shown.length === 0 ? (
        <p className="text-sm text-stone-700">No claim matches these filters.</p>
      ) : (
        <ul ref={list} aria-label="Claims in document order" className="max-h-[60vh] space-y-1 overflow-y-auto">
          {shown.map((c, i) => (
            <ClaimRow
              key={c.id}
              claim={c}
              index={i}
              active={c.id === activeId}
              focusable={c.id === activeId || (!activeId && i === 0)}
              verdictLabel={(c.verdictKey && verdictLabels.get(c.verdictKey)) || "No verdict"}
              onClick={onClick}
              onDoubleClick={onDoubleClick}
              onOpen={onOpen}
              onKeyDown={onKeyDown}
            />
          ))}
        </ul>
      )}
    </section>
  );
});

type RowProps = {
  claim: EditorClaim;
  index: number;
  active: boolean;
  focusable: boolean;
  verdictLabel: string;
  onClick: (event: React.MouseEvent, id: string) => void;
  onDoubleClick: (id: string) => void;
  onOpen: (id: string) => void;
  onKeyDown: (event: React.KeyboardEvent<HTMLButtonElement>, index: number) => void;
};

/** A row re-renders when what it shows changes, not when its claim only moved in the text. */
function sameRow(a: RowProps, b: RowProps): boolean {
  const x = a.claim;
  const y = b.claim;
  const sameClaim =
    x === y ||
    (x.id === y.id &&
      x.kind === y.kind &&
      x.speaker === y.speaker &&
      x.state === y.state &&
      x.anchorStatus === y.anchorStatus &&
      x.exact === y.exact);
  return (
    sameClaim &&
    a.index === b.index &&
    a.active === b.active &&
    a.focusable === b.focusable &&
    a.verdictLabel === b.verdictLabel &&
    a.onClick === b.onClick &&
    a.onDoubleClick === b.onDoubleClick &&
    a.onOpen === b.onOpen &&
    a.onKeyDown === b.onKeyDown
  );
}

const ClaimRow = memo(function ClaimRow({
  claim: c,
  index,
  active,
  focusable,
  verdictLabel,
  onClick,
  onDoubleClick,
  onOpen,
  onKeyDown,
}: RowProps) {
  return (
    <li className="[contain-intrinsic-size:auto_5.5rem] [content-visibility:auto]">
      <button
        type="button"
        data-claim={c.id}
        aria-current={active ? "true" : undefined}
        tabIndex={focusable ? 0 : -1}
        onClick={(e) => onClick(e, c.id)}
        onDoubleClick={() => onDoubleClick(c.id)}
        onKeyDown={(e) => (e.key === "Enter" ? (e.preventDefault(), onOpen(c.id)) : onKeyDown(e, index))}
        className={`w-full rounded border p-2 text-left text-sm ${active ? "border-blue-700 bg-blue-50" : "border-stone-200 bg-white hover:bg-stone-50"}`}
      >
        <span className="flex items-center gap-2">
          <span className="font-semibold">{KIND_LABELS[c.kind]}</span>
          {c.speaker && <span className="text-stone-700">· {c.speaker}</span>}
          <span className="ml-auto">
            <StateBadge state={stateOf(c)} />
          </span>
        </span>
        <span className="mt-1 line-clamp-2 block font-serif">{c.exact}</span>
        <span className="mt-1 block text-xs text-stone-700">{verdictLabel}</span>
      </button>
    </li>
  );
}, sameRow);
