/**
 * The one changed region between two versions of a text: everything outside it is equal.
 * Offsets are UTF-16 code units into the old text. Used to record what an edit did without
 * storing both whole texts; long runs are cut to `limit` characters and say so.
 */
export type TextChange = { at: number; removed: string; inserted: string; truncated: boolean } | null;

export function textChange(before: string, after: string, limit = 2000): TextChange {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let q = 0;
  while (q < max - p && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
  const removed = before.slice(p, before.length - q);
  const inserted = after.slice(p, after.length - q);
  return {
    at: p,
    removed: removed.slice(0, limit),
    inserted: inserted.slice(0, limit),
    truncated: removed.length > limit || inserted.length > limit,
  };
}
