import { Mark, mergeAttributes } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Fragment, Slice, type Node as PMNode } from "@tiptap/pm/model";

// The claim mark carries only the claim id; everything else lives in the claim's row
// (Outline's Comment mark). `excludes: ""` lets claims overlap and nest, `inclusive: false`
// stops typing at a claim's edge from growing it.
export const CLAIM_MARK = "claim";

function stripClaims(fragment: Fragment): Fragment {
  const nodes: PMNode[] = [];
  fragment.forEach((node) => {
    const marks = node.marks.filter((mark) => mark.type.name !== CLAIM_MARK);
    const content = stripClaims(node.content);
    nodes.push(node.isText ? node.mark(marks) : node.copy(content).mark(marks));
  });
  return Fragment.fromArray(nodes);
}

export const ClaimMark = Mark.create({
  name: CLAIM_MARK,
  excludes: "",
  inclusive: false,
  spanning: true,

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
    return [
      new Plugin({
        key: new PluginKey("claim-paste"),
        // A paste must not clone a claim: the copy would share the id of the original's row.
        props: { transformPasted: (slice) => new Slice(stripClaims(slice.content), slice.openStart, slice.openEnd) },
      }),
    ];
  },
});
