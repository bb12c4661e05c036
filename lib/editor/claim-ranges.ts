import type { Node as PMNode, Schema } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { CLAIM_MARK } from "@/lib/editor/claim-mark";
import { buildTextMap, offsetToPos, type TextMap } from "@/lib/editor/text-map";

export type ClaimRange = { claimId: string; start: number; end: number };

/**
 * Where each claim mark sits in the body's plain text (UTF-16 offsets into buildTextMap's text).
 * A claim whose mark was cut in two (a paragraph split inside it) spans from its first to its
 * last marked character.
 */
export function claimRanges(doc: PMNode, map: TextMap = buildTextMap(doc)): Map<string, ClaimRange> {
  const ranges = new Map<string, ClaimRange>();
  let index = 0;
  doc.descendants((node) => {
    if (!node.isText || !node.text) return true;
    const segment = map.segments[index++]!;
    for (const mark of node.marks) {
      if (mark.type.name !== CLAIM_MARK) continue;
      const id = String(mark.attrs.claimId);
      const start = segment.offset;
      const end = segment.offset + segment.length;
      const known = ranges.get(id);
      if (!known) ranges.set(id, { claimId: id, start, end });
      else ranges.set(id, { claimId: id, start: Math.min(known.start, start), end: Math.max(known.end, end) });
    }
    return true;
  });
  return ranges;
}

/** Removes the marks of the given claims (e.g. ids that belong to no claim of this article). */
export function removeClaimMarks(doc: PMNode, claimIds: ReadonlySet<string>): PMNode {
  if (claimIds.size === 0) return doc;
  const tr = new Transform(doc);
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name === CLAIM_MARK && claimIds.has(String(mark.attrs.claimId)))
        tr.removeMark(pos, pos + node.nodeSize, mark);
    }
    return true;
  });
  return tr.doc;
}

/** Adds a claim mark over [start, end) of the plain text. */
export function addClaimMark(doc: PMNode, schema: Schema, range: ClaimRange): PMNode {
  const map = buildTextMap(doc);
  const from = offsetToPos(map, range.start, "start");
  const to = offsetToPos(map, range.end, "end");
  if (to <= from) return doc;
  return new Transform(doc).addMark(from, to, schema.marks[CLAIM_MARK]!.create({ claimId: range.claimId })).doc;
}
