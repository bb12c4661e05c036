/**
 * Re-anchoring every claim of a text after an edit: one diff pass, O(1) shifts for claims the
 * edit did not touch, and `anchor` only for the few it did. Offsets are UTF-16 code units.
 */
import { normaliseText, TYPOGRAPHIC_ONLY } from "../core/normalise";
import { boundedEditDistance } from "../core/edit-distance";
import { snapEnd, snapStart } from "../core/characters";
import { anchor, describeRange, type DescribedRange, type OrphanReason, type Selectors } from "./anchoring";

export type ClaimToReanchor = { id: string; selectors: Selectors };

/** How a claim was placed: shifted by the diff, re-read across an edit inside it, or re-anchored. */
export type ReanchorVia = "shift" | "edit" | "anchor";
export type ReanchorOutcome =
  | {
      id: string;
      status: "unchanged" | "moved";
      start: number;
      end: number;
      selectors: DescribedRange;
      via: ReanchorVia;
    }
  | {
      id: string;
      status: "changed";
      start: number;
      end: number;
      oldExact: string;
      newExact: string;
      /** Only quotes, dashes, spacing and the like differ: the words are the same. */
      typographicOnly: boolean;
      selectors: DescribedRange;
      via: ReanchorVia;
    }
  | { id: string; status: "orphaned"; reason: OrphanReason; bestScore: number; via: ReanchorVia };

/**
 * An edit strictly inside a claim keeps the claim's edges, so the claim is the
 * same span with changed words, as long as half of it survives.
 */
export const MIN_EDITED_SIMILARITY = 0.5;

/**
 * Re-anchor every claim after `oldText` became `newText`. One pass finds the
 * changed region (common prefix and suffix); claims wholly before or after it are
 * shifted in O(1); only claims touching it are re-read or re-anchored. Claim
 * positions are those recorded against `oldText`.
 */
export function reanchorAll(oldText: string, newText: string, claims: readonly ClaimToReanchor[]): ReanchorOutcome[] {
  const limit = Math.min(oldText.length, newText.length);
  let p = 0;
  while (p < limit && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let q = 0;
  while (q < limit - p && oldText.charCodeAt(oldText.length - 1 - q) === newText.charCodeAt(newText.length - 1 - q))
    q++;
  // Keep whole characters on both sides of the change: an accent added to "e"
  // changes the "e", and half a surrogate pair is not a character.
  p = Math.min(snapStart(oldText, p), snapStart(newText, p));
  const splitsAt = (text: string, i: number) => snapEnd(text, i) !== i;
  while (q > 0 && (splitsAt(oldText, oldText.length - q) || splitsAt(newText, newText.length - q))) q--;
  const oldEnd = oldText.length - q;
  const newEnd = newText.length - q;
  const delta = newText.length - oldText.length;

  return claims.map((claim): ReanchorOutcome => {
    const { id, selectors } = claim;
    const { exact } = selectors.quote;
    const pos = selectors.position;
    const placed = (start: number, end: number, via: ReanchorVia): ReanchorOutcome => {
      const fresh = describeRange(newText, start, end);
      const newExact = fresh.quote.exact;
      if (newExact !== exact) {
        const typographicOnly = normaliseText(newExact, TYPOGRAPHIC_ONLY) === normaliseText(exact, TYPOGRAPHIC_ONLY);
        return { id, status: "changed", start, end, oldExact: exact, newExact, typographicOnly, selectors: fresh, via };
      }
      const status = pos && pos.start === start && pos.end === end ? "unchanged" : "moved";
      return { id, status, start, end, selectors: fresh, via };
    };

    if (pos && oldText.slice(pos.start, pos.end) === exact && exact.length > 0) {
      if (pos.end <= p) return placed(pos.start, pos.end, "shift");
      if (pos.start >= oldEnd) return placed(pos.start + delta, pos.end + delta, "shift");
      // The common-prefix diff puts a pure insertion or deletion as far right as it
      // can slide ("a|ab" → "aa|b"), which can push it into a claim that in fact
      // came after it; the claim's own words just past the edit show that.
      const pure = p === oldEnd || p === newEnd;
      if (pure && newText.slice(pos.start + delta, pos.end + delta) === exact) {
        return placed(pos.start + delta, pos.end + delta, "shift");
      }
      if (pos.start <= p && oldEnd <= pos.end) {
        const newExact = newText.slice(pos.start, pos.end + delta);
        if (similarity(exact, newExact) >= MIN_EDITED_SIMILARITY) return placed(pos.start, pos.end + delta, "edit");
      }
    }
    const mapPoint = (x: number) => (x <= p ? x : x >= oldEnd ? x + delta : p);
    const hint = pos ? mapPoint(pos.start) : undefined;
    const expected: Selectors = {
      quote: selectors.quote,
      ...(hint === undefined
        ? {}
        : { position: { type: "TextPositionSelector", start: hint, end: hint + exact.length } }),
    };
    const found = anchor(newText, expected, { hint });
    if (found.status === "orphaned") {
      return { id, status: "orphaned", reason: found.reason, bestScore: found.bestScore, via: "anchor" };
    }
    // A claim moves only with its own words (a moved paragraph carries them). Words that were
    // already there, unmarked, are other words: when the edit left no more copies of the claim's
    // words than there were besides its own, its own are gone, and it is orphaned rather than
    // attached to a copy. Where that is ambiguous, orphaning is the safe side.
    if (pos && oldText.slice(pos.start, pos.end) === exact && found.exact === exact) {
      if (occurrences(newText, exact) <= occurrences(oldText, exact) - 1) {
        return { id, status: "orphaned", reason: "not-found", bestScore: found.score, via: "anchor" };
      }
    }
    return placed(found.start, found.end, "anchor");
  });
}

function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  // Cheap bound first: a length change alone can rule the pair out.
  if (Math.min(a.length, b.length) / longest < MIN_EDITED_SIMILARITY) return 0;
  return 1 - boundedEditDistance(b, a) / longest;
}

/** Non-overlapping occurrences of `needle` in `text`. */
function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}
