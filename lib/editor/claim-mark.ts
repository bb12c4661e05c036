import { Mark, mergeAttributes, type Editor } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Fragment, Slice, type Node as PMNode } from "@tiptap/pm/model";

// The claim mark carries only the claim id; everything else lives in the claim's row
// (Outline's Comment mark). `excludes: ""` lets claims overlap and nest, `inclusive: false`
// stops typing at a claim's edge from growing it.
export const CLAIM_MARK = "claim";

/** The ids of every claim mark in a document. */
export function claimIdsIn(doc: PMNode): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === CLAIM_MARK) ids.add(String(mark.attrs.claimId));
    return true;
  });
  return ids;
}

/**
 * Drops the claim marks of a pasted fragment, except those `keep` says may move (a cut claim of
 * this article whose id is no longer in the document: the paste is the second half of a move).
 */
export function stripClaims(fragment: Fragment, keep: (claimId: string) => boolean = () => false): Fragment {
  const nodes: PMNode[] = [];
  fragment.forEach((node) => {
    const marks = node.marks.filter((mark) => mark.type.name !== CLAIM_MARK || keep(String(mark.attrs.claimId)));
    const content = stripClaims(node.content, keep);
    nodes.push(node.isText ? node.mark(marks) : node.copy(content).mark(marks));
  });
  return Fragment.fromArray(nodes);
}

export type ClaimMarkStorage = {
  /** The claims of the article being edited, which may move by cut and paste; null (the server), none may. */
  articleClaims: ReadonlySet<string> | null;
};

/** Tells an editor's paste plugin which claims belong to its article (the ones a cut may move). */
export function setArticleClaims(editor: Editor, claimIds: Iterable<string>) {
  const storage = (editor.storage as unknown as Record<string, ClaimMarkStorage | undefined>)[CLAIM_MARK];
  if (storage) storage.articleClaims = new Set(claimIds);
}

export const ClaimMark = Mark.create<object, ClaimMarkStorage>({
  name: CLAIM_MARK,
  excludes: "",
  inclusive: false,
  spanning: true,

  addStorage() {
    return { articleClaims: null };
  },

  addAttributes() {
    return {
      claimId: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-claim-id"),
        renderHTML: (attributes) => ({ "data-claim-id": attributes.claimId }),
      },
    };
  },

  parseHTML() {
    return [{ tag: "mark[data-claim-id]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["mark", mergeAttributes({ class: "claim-mark" }, HTMLAttributes), 0];
  },

  addProseMirrorPlugins() {
    const storage = this.storage;
    return [
      new Plugin({
        key: new PluginKey("claim-paste"),
        // A paste must not clone a claim: the copy would share the id of the original's row. A
        // claim whose mark is no longer in the document was cut, so pasting it moves the claim.
        props: {
          transformPasted: (slice, view) => {
            const movable = storage.articleClaims;
            const present = movable ? claimIdsIn(view.state.doc) : new Set<string>();
            const keep = (id: string) => Boolean(movable?.has(id)) && !present.has(id);
            return new Slice(stripClaims(slice.content, keep), slice.openStart, slice.openEnd);
          },
        },
      }),
    ];
  },
});
