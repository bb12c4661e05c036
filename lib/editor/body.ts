import { Node as PMNode } from "@tiptap/pm/model";
import { articleSchema, isSafeHref, safeLinkAttrs } from "@/lib/editor/extensions";
import { CLAIM_MARK } from "@/lib/editor/claim-mark";
import { buildTextMap } from "@/lib/editor/text-map";
import { textProblem } from "@/lib/schemas/common";

export type ProseMirrorJSON = {
  type: string;
  content?: ProseMirrorJSON[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  attrs?: Record<string, unknown>;
};

/** A body over this size is refused: about ten times the longest feature we expect. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export type BodyCheck = { ok: true; doc: PMNode; text: string; claimIds: Set<string> } | { ok: false; message: string };

/**
 * Nodes inside nodes: a quotation in a list item in a list nested a few times is under 15.
 * ProseMirror parses, checks and renders recursively, so a hostile depth must stop here.
 */
export const MAX_BODY_DEPTH = 40;

// One request's body is checked by the route's schema, again by the service's (services are
// public to server actions too) and once more where it is written: on a 20,000-word article each
// check is ~10 ms. The result is kept per object, so the same parsed JSON is checked once. Bodies
// are never mutated after parsing (a caller that changes one passes a new object).
const checked = new WeakMap<object, BodyCheck>();

/** Parses and checks a body against the editor's own schema; never throws. */
export function checkBody(json: unknown): BodyCheck {
  if (typeof json !== "object" || json === null)
    return { ok: false, message: "The body must be a ProseMirror document (a JSON object)." };
  const known = checked.get(json);
  if (known) return known;
  const result = checkBodyOnce(json);
  checked.set(json, result);
  return result;
}

function checkBodyOnce(json: object): BodyCheck {
  if (nodeDepth(json, MAX_BODY_DEPTH) > MAX_BODY_DEPTH)
    return { ok: false, message: `The body nests nodes more than ${MAX_BODY_DEPTH} levels deep.` };
  let size: number;
  try {
    size = JSON.stringify(json).length;
  } catch {
    return { ok: false, message: "The body is not a JSON document." };
  }
  if (size > MAX_BODY_BYTES)
    return {
      ok: false,
      message: `The body is ${Math.round(size / 1024)} KiB; the limit is ${MAX_BODY_BYTES / 1024} KiB.`,
    };
  let doc: PMNode;
  try {
    doc = PMNode.fromJSON(articleSchema(), normaliseLinks(json));
    doc.check();
  } catch (error) {
    return { ok: false, message: `The body is not a valid article document: ${(error as Error).message}` };
  }
  if (doc.type.name !== "doc") return { ok: false, message: "The body must be a document node." };
  const claimIds = new Set<string>();
  let problem: string | null = null;
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (mark.type.name === "link" && !isSafeHref(mark.attrs.href))
        problem = "A link may only point to http, https or mailto addresses.";
      if (mark.type.name === CLAIM_MARK) {
        if (typeof mark.attrs.claimId !== "string" || !mark.attrs.claimId) problem = "A claim mark has no claim id.";
        else claimIds.add(mark.attrs.claimId);
      }
    }
    return !problem;
  });
  if (problem) return { ok: false, message: problem };
  const text = buildTextMap(doc).text;
  const textIssue = textProblem(text);
  if (textIssue) return { ok: false, message: `The body's text ${textIssue}` };
  return { ok: true, doc, text, claimIds };
}

/** How deep `content` arrays nest, counted without recursion and only up to `cap` + 1. */
function nodeDepth(root: unknown, cap: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (depth > cap) return depth;
    const content = (node as { content?: unknown }).content;
    if (Array.isArray(content))
      for (const child of content) if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Links are stored with only the attributes we render, whatever was sent: a target other than
 * a new tab is dropped, and the rel is always ours, so a stored `rel="opener"` cannot hand the
 * reader's tab to the linked page (reverse tabnabbing).
 */
function normaliseLinks(json: object): object {
  const isLink = (mark: { type: string } | null | undefined) => mark?.type === "link";
  // Most bodies have no link: they are used as they are, not copied (a copy of a 20,000-word
  // body with a thousand claim marks is 6 ms of a save).
  if (!someNode(json as ProseMirrorJSON, (node) => Array.isArray(node.marks) && node.marks.some(isLink))) return json;
  const copy = structuredClone(json) as ProseMirrorJSON;
  someNode(copy, (node) => {
    if (Array.isArray(node.marks))
      node.marks = node.marks.map((mark) => (isLink(mark) ? { type: "link", attrs: safeLinkAttrs(mark.attrs) } : mark));
    return false;
  });
  return copy;
}

/** Visits the JSON nodes under `root` (without recursion) until `visit` returns true; whether it did. */
function someNode(root: ProseMirrorJSON, visit: (node: ProseMirrorJSON) => boolean): boolean {
  const stack: ProseMirrorJSON[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (visit(node)) return true;
    if (Array.isArray(node.content))
      for (const child of node.content) if (typeof child === "object" && child !== null) stack.push(child);
  }
  return false;
}

export function paragraphsToDoc(paragraphs: string[]): ProseMirrorJSON {
  const content = paragraphs
    .map((p) => p.trim())
    .filter(Boolean)
    .map((text) => ({ type: "paragraph", content: [{ type: "text", text }] }));
  return { type: "doc", content: content.length ? content : [{ type: "paragraph" }] };
}
