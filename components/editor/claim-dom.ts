import type { Editor } from "@tiptap/core";
import { CLAIM_MARK } from "@/lib/editor/claim-mark";

/** The ProseMirror range a claim's mark covers now, or null when its words are gone. */
export function findClaimRange(editor: Editor, claimId: string): { from: number; to: number } | null {
  let from = Infinity;
  let to = -1;
  editor.state.doc.descendants((node, pos) => {
    if (node.isText && node.marks.some((m) => m.type.name === CLAIM_MARK && m.attrs.claimId === claimId)) {
      from = Math.min(from, pos);
      to = Math.max(to, pos + node.nodeSize);
    }
    return true;
  });
  return to < 0 ? null : { from, to };
}

/** The innermost claim at the cursor, so clicking nested claims picks the one under the pointer. */
export function claimAtSelection(editor: Editor): string | null {
  const { $from } = editor.state.selection;
  const ids = $from
    .marks()
    .filter((m) => m.type.name === CLAIM_MARK)
    .map((m) => String(m.attrs.claimId));
  if (ids.length <= 1) return ids[0] ?? null;
  let best: string | null = null;
  let bestSize = Infinity;
  for (const id of ids) {
    const range = findClaimRange(editor, id);
    if (range && range.to - range.from < bestSize) {
      best = id;
      bestSize = range.to - range.from;
    }
  }
  return best;
}
