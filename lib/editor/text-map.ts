import type { Node as PMNode } from "@tiptap/pm/model";

// The article's plain text, which claim selectors point into, and the map between it and
// ProseMirror positions. Offsets are UTF-16 code units (JavaScript string indices), as in
// lib/text/anchoring/anchoring.ts. Text blocks are separated by one "\n"; a hard break is "\n" too.
export type TextSegment = { pos: number; offset: number; length: number };
export type TextMap = { text: string; segments: TextSegment[] };

export const BLOCK_SEPARATOR = "\n";

export function buildTextMap(doc: PMNode): TextMap {
  let text = "";
  const segments: TextSegment[] = [];
  let seenBlock = false;
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      if (seenBlock) text += BLOCK_SEPARATOR;
      seenBlock = true;
      return true;
    }
    if (node.isText && node.text) {
      segments.push({ pos, offset: text.length, length: node.text.length });
      text += node.text;
    } else if (node.type.name === "hardBreak") {
      text += "\n";
    }
    return true;
  });
  return { text, segments };
}

function search<T>(items: T[], key: (item: T) => number, target: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) <= target) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Text offset of a ProseMirror position; positions between text nodes snap to the next text. */
export function posToOffset(map: TextMap, pos: number): number {
  const i = search(map.segments, (s) => s.pos, pos);
  if (i < 0) return 0;
  const segment = map.segments[i]!;
  if (pos <= segment.pos + segment.length) return segment.offset + (pos - segment.pos);
  const next = map.segments[i + 1];
  return next ? next.offset : segment.offset + segment.length;
}

/** ProseMirror position of a text offset. `bias` decides block boundaries: a range's start
 *  looks forward into the next block, its end looks back into the previous one. */
export function offsetToPos(map: TextMap, offset: number, bias: "start" | "end" = "start"): number {
  const i = search(map.segments, (s) => s.offset, offset);
  if (i < 0) return map.segments[0]?.pos ?? 0;
  const segment = map.segments[i]!;
  if (offset <= segment.offset + segment.length) {
    if (bias === "start" && offset === segment.offset + segment.length && map.segments[i + 1]?.offset === offset) {
      return map.segments[i + 1]!.pos;
    }
    return segment.pos + (offset - segment.offset);
  }
  const next = map.segments[i + 1];
  if (bias === "start" && next) return next.pos;
  return segment.pos + segment.length;
}
