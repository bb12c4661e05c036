// Builds article bodies the way the editor would, for service tests.
import { Node as PMNode } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { addClaimMark } from "@/lib/editor/claim-ranges";
import { articleSchema } from "@/lib/editor/extensions";
import { buildTextMap, offsetToPos } from "@/lib/editor/text-map";

export const PUTIN_QUOTE =
  "I am concerned about Pakistan. It is just a junta with nuclear weapons. It is no democracy, yet the West makes no criticism of it.";
export const SEED_PARAGRAPHS = [
  "According to a transcript, during a discussion on non-proliferation and Iran, Bush said, “We (the US) have a complex history with Iran” and Putin assured him that he would restrict missile technology to Iran.",
  `However, the Russian President adds, “${PUTIN_QUOTE}”`,
  "Bush did not dispute Putin’s characterisation.",
];

export const toDoc = (json: unknown) => PMNode.fromJSON(articleSchema(), json);

export function withMark(body: unknown, claimId: string, words: string): Record<string, unknown> {
  const doc = toDoc(body);
  const text = buildTextMap(doc).text;
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the body`);
  return addClaimMark(doc, articleSchema(), { claimId, start, end: start + words.length }).toJSON();
}

/** Replaces the first occurrence of `from` with `to`, keeping the marks around it as the editor would. */
export function replaceText(body: unknown, from: string, to: string): Record<string, unknown> {
  const doc = toDoc(body);
  const map = buildTextMap(doc);
  const start = map.text.indexOf(from);
  if (start < 0) throw new Error(`"${from}" is not in the body`);
  const a = offsetToPos(map, start, "start");
  const b = offsetToPos(map, start + from.length, "end");
  const marks = doc.resolve(a + 1).marks();
  const tr = new Transform(doc);
  if (to) tr.replaceWith(a, b, articleSchema().text(to, marks));
  else tr.delete(a, b);
  return tr.doc.toJSON();
}
