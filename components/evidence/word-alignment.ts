// A word-by-word alignment of a quote against the source words it was matched with, for quote
// checks stored without one. Words compare without case or punctuation; a pair that differs
// only in punctuation is shown as a minor difference, and words the check called narration
// ("Putin said") are minor too. Quotes are short, so a plain LCS table is enough.
import type { AlignmentOp } from "@/components/evidence/types";

const MAX_CELLS = 250_000;

const core = (word: string) =>
  word
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
const tokens = (text: string) => text.split(/\s+/).filter(Boolean);

/** Aligns article words with source words; `narration` lists source phrases that are not the speaker's. */
export function alignWords(article: string, source: string, narration: string[] = []): AlignmentOp[] {
  const a = tokens(article);
  const b = tokens(source);
  const ka = a.map(core);
  const kb = b.map(core);
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) return [{ op: "replace", article, source }];
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] =
        ka[i] === kb[j] && ka[i] !== "" ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const ops: AlignmentOp[] = [];
  const narrated = new Set(narration.map(core));
  let pendingA: string[] = [];
  let pendingB: string[] = [];
  const flush = () => {
    if (pendingA.length === 0 && pendingB.length === 0) return;
    const art = pendingA.join(" ") || undefined;
    const src = pendingB.join(" ") || undefined;
    const op: AlignmentOp = { op: art && src ? "replace" : art ? "delete" : "insert", article: art, source: src };
    if (!art && src && narrated.has(core(src))) op.reason = "narration";
    else if (core(art ?? "") === "" && core(src ?? "") === "") op.reason = "punctuation";
    ops.push(op);
    pendingA = [];
    pendingB = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && ka[i] === kb[j] && ka[i] !== "") {
      flush();
      ops.push(
        a[i] === b[j]
          ? { op: "equal", article: a[i], source: b[j] }
          : { op: "replace", article: a[i], source: b[j], reason: "punctuation" },
      );
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) pendingB.push(b[j++]!);
    else pendingA.push(a[i++]!);
  }
  flush();
  return ops;
}
