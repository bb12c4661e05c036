import { Node as PMNode } from "@tiptap/pm/model";
import { articleSchema, isSafeHref } from "@/lib/editor/extensions";
import { CLAIM_MARK } from "@/lib/editor/claim-mark";
import { buildTextMap } from "@/lib/editor/text-map";

export type ProseMirrorJSON = { type: string; content?: ProseMirrorJSON[]; text?: string; marks?: { type: string; attrs?: Record<string, unknown> }[]; attrs?: Record<string, unknown> };

/** A body over this size is refused: about ten times the longest feature we expect. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export type BodyCheck = { ok: true; doc: PMNode; text: string; claimIds: Set<string> } | { ok: false; message: string };

/** Parses and checks a body against the editor's own schema; never throws. */
export function checkBody(json: unknown): BodyCheck {
  if (typeof json !== "object" || json === null) return { ok: false, message: "The body must be a ProseMirror document (a JSON object)." };
  const size = JSON.stringify(json).length;
  if (size > MAX_BODY_BYTES) return { ok: false, message: `The body is ${Math.round(size / 1024)} KiB; the limit is ${MAX_BODY_BYTES / 1024} KiB.` };
  let doc: PMNode;
  try {
    doc = PMNode.fromJSON(articleSchema(), json);
    doc.check();
  } catch (error) {
    return { ok: false, message: `The body is not a valid article document: ${(error as Error).message}` };
  }
  if (doc.type.name !== "doc") return { ok: false, message: "The body must be a document node." };
  const claimIds = new Set<string>();
  let problem: string | null = null;
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (mark.type.name === "link" && !isSafeHref(mark.attrs.href)) problem = "A link may only point to http, https or mailto addresses.";
      if (mark.type.name === CLAIM_MARK) {
        if (typeof mark.attrs.claimId !== "string" || !mark.attrs.claimId) problem = "A claim mark has no claim id.";
        else claimIds.add(mark.attrs.claimId);
      }
    }
    return !problem;
  });
  if (problem) return { ok: false, message: problem };
  return { ok: true, doc, text: buildTextMap(doc).text, claimIds };
}

export function paragraphsToDoc(paragraphs: string[]): ProseMirrorJSON {
  const content = paragraphs.map((p) => p.trim()).filter(Boolean).map((text) => ({ type: "paragraph", content: [{ type: "text", text }] }));
  return { type: "doc", content: content.length ? content : [{ type: "paragraph" }] };
}
