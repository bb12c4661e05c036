"use client";

import { memo } from "react";
import { KIND_LABELS, type EditorClaim } from "@/components/editor/types";
import { StateBadge } from "@/components/ui/state-badge";

/** The state a claim's row shows: an orphaned claim says so, whatever its review state. */
export const stateOf = (c: EditorClaim) => (c.anchorStatus === "orphaned" ? "orphaned" : c.state);

type RowProps = {
  claim: EditorClaim;
  index: number;
  /** Claims in the list (shown): the row says "index + 1 of count". */
  count: number;
  /** Where the row starts in the list, in pixels. */
  start: number;
  /** The virtualiser's measuring ref: rows differ in height (speaker, one or two lines of words). */
  measure: (element: HTMLLIElement | null) => void;
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
    a.count === b.count &&
    a.start === b.start &&
    a.measure === b.measure &&
    a.active === b.active &&
    a.focusable === b.focusable &&
    a.verdictLabel === b.verdictLabel &&
    a.onClick === b.onClick &&
    a.onDoubleClick === b.onDoubleClick &&
    a.onOpen === b.onOpen &&
    a.onKeyDown === b.onKeyDown
  );
}

/** One claim in the claim list (claim-list.tsx), placed by the list's virtualiser. */
export const ClaimRow = memo(function ClaimRow({
  claim: c,
  index,
  count,
  start,
  measure,
  active,
  focusable,
  verdictLabel,
  onClick,
  onDoubleClick,
  onOpen,
  onKeyDown,
}: RowProps) {
  return (
    <li
      ref={measure}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={count}
      className="absolute top-0 left-0 w-full"
      style={{ transform: `translateY(${start}px)` }}
    >
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
          <span className="shrink-0 font-semibold">{KIND_LABELS[c.kind]}</span>
          {c.speaker && <span className="min-w-0 wrap-anywhere text-stone-700">· {c.speaker}</span>}
          <span className="ml-auto shrink-0">
            <StateBadge state={stateOf(c)} />
          </span>
        </span>
        <span className="mt-1 line-clamp-2 block font-serif wrap-anywhere">{c.exact}</span>
        <span className="mt-1 block text-xs text-stone-700">{verdictLabel}</span>
      </button>
    </li>
  );
}, sameRow);
