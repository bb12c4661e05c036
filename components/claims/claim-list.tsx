"use client";

import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { KindOptions } from "@/components/claims/kind-options";
import { ClaimRow, stateOf } from "@/components/claims/claim-row";
import { STATE_LABELS, type EditorClaim, type VerdictOption } from "@/components/editor/types";

type Props = {
  claims: EditorClaim[];
  verdicts: VerdictOption[];
  activeId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
};

/** A row's height before it is measured: kind and state, two lines of words, the verdict. */
const ROW_ESTIMATE_PX = 92;
/** Rows drawn above and below the ones in view, so a short scroll or an arrow key shows no gap. */
const OVERSCAN = 8;
/** The gap between rows (space-y-1). */
const ROW_GAP_PX = 4;

/**
 * Claims in document order. Arrow keys move between them, Enter opens one, Home/End jump.
 * A long article has a thousand claims, so the list is virtualised (@tanstack/react-virtual,
 * docs/decisions/0012): only the rows in view, a few around them, and the active claim's row are
 * in the DOM. A thousand rows in the DOM cost every keystroke in the article 4–5 ms of the
 * browser's own work (style, hit testing, the intersection checks of content-visibility) and the
 * editor's opening their render. The active row is always drawn, and the list scrolls to it when
 * it changes (the cursor moved into another claim, a claim was just marked), so the row the
 * cursor is in is on screen and Tab always reaches the list. Each row says its place
 * (aria-posinset of aria-setsize) for screen readers, which only see the rows drawn. Rows are
 * memoised on what they show, so typing in the article, an autosave (which hands back every
 * claim, most only moved) or a new claim re-renders only the rows that changed.
 */
export const ClaimList = memo(function ClaimList({ claims, verdicts, activeId, onSelect, onOpen }: Props) {
  const [state, setState] = useState("");
  const [kind, setKind] = useState("");
  const scroller = useRef<HTMLDivElement>(null);
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

  const activeIndex = useMemo(() => shown.findIndex((c) => c.id === activeId), [shown, activeId]);
  // The row with the keyboard's focus, kept drawn while it has it (an autosave may move it away).
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const focusedIndex = useMemo(() => (focusedId ? shown.findIndex((c) => c.id === focusedId) : -1), [shown, focusedId]);
  // The row Tab lands on (the active claim, else the first) is drawn wherever the list is scrolled.
  const tabIndex = activeIndex >= 0 ? activeIndex : 0;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = new Set(defaultRangeExtractor(range));
      for (const kept of [tabIndex, focusedIndex]) if (kept >= 0 && kept < range.count) indexes.add(kept);
      return [...indexes].sort((a, b) => a - b);
    },
    [tabIndex, focusedIndex],
  );
  const getItemKey = useCallback((i: number) => shown[i]!.id, [shown]);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    getItemKey,
    overscan: OVERSCAN,
    gap: ROW_GAP_PX,
    // A row scrolled into view stops a little inside the list's edge, its border whole.
    scrollPaddingStart: 2 * ROW_GAP_PX,
    scrollPaddingEnd: 2 * ROW_GAP_PX,
    rangeExtractor,
    // Scrolling re-renders only the rows that come into view, in the next frame.
    useFlushSync: false,
  });
  // Another claim became active (the cursor moved into it, it was marked or picked): bring its
  // row into view, scrolling the list only as far as needed. Only a change of claim scrolls:
  // claims added or filtered above it leave a list the editor scrolled by hand where it is.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (activeIndex < 0) scrolledTo.current = null;
    if (activeIndex < 0 || scrolledTo.current === activeId) return;
    scrolledTo.current = activeId;
    virtualizer.scrollToIndex(activeIndex, { align: "auto" });
  }, [activeId, activeIndex, virtualizer]);
  // A row reached with the keyboard is focused once it is drawn: the render in which its claim
  // is active draws it (rangeExtractor), and the list has already scrolled to it.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const id = focusNext.current;
    if (!id || id !== activeId) return;
    focusNext.current = null;
    scroller.current
      ?.querySelector<HTMLButtonElement>(`button[data-claim="${CSS.escape(id)}"]`)
      ?.focus({ preventScroll: true });
  });

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent<HTMLButtonElement>, index: number) => {
      const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: shown.length - 1 }[event.key];
      if (target === undefined) return;
      event.preventDefault();
      const to = Math.max(0, Math.min(shown.length - 1, target));
      const claim = shown[to];
      if (!claim) return;
      // Past either end the focus stays where it is; only a move waits for its row to be drawn.
      if (to !== index) focusNext.current = claim.id;
      onSelect(claim.id);
    },
    [onSelect, shown],
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
        <>
          <p id="claims-help" className="text-xs text-stone-700">
            Click a claim to find it in the article; double-click it, or press Enter, to open it.
          </p>
          <div ref={scroller} className="max-h-[60vh] overflow-y-auto">
            <ul
              aria-label="Claims in document order"
              aria-describedby="claims-help"
              onFocus={(event) => setFocusedId((event.target as HTMLElement).dataset.claim ?? null)}
              onBlur={() => setFocusedId(null)}
              className="relative"
              style={{ height: virtualizer.getTotalSize() }}
            >
              {virtualizer.getVirtualItems().map((item) => {
                const c = shown[item.index]!;
                return (
                  <ClaimRow
                    key={c.id}
                    claim={c}
                    index={item.index}
                    count={shown.length}
                    start={item.start}
                    measure={virtualizer.measureElement}
                    active={c.id === activeId}
                    focusable={item.index === tabIndex}
                    verdictLabel={(c.verdictKey && verdictLabels.get(c.verdictKey)) || "No verdict"}
                    onClick={onClick}
                    onDoubleClick={onDoubleClick}
                    onOpen={onOpen}
                    onKeyDown={onKeyDown}
                  />
                );
              })}
            </ul>
          </div>
        </>
      )}
    </section>
  );
});
