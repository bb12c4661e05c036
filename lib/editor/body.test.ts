import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkBody, MAX_BODY_DEPTH } from "./body";

const withLink = (attrs: Record<string, unknown>) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "the memcon", marks: [{ type: "link", attrs }] }] }],
});

const linkAttrs = (json: unknown) => {
  const result = checkBody(json);
  if (!result.ok) throw new Error(result.message);
  let attrs: Record<string, unknown> | undefined;
  result.doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === "link") attrs = mark.attrs;
  });
  return { attrs, stored: JSON.stringify(result.doc.toJSON()) };
};

describe("links are normalised on write (issue 9, defect 6)", () => {
  it("a target with rel=opener is stored with our rel: no reverse tabnabbing", () => {
    const { attrs, stored } = linkAttrs(
      withLink({ href: "https://nsarchive.gwu.edu/", target: "_blank", rel: "opener" }),
    );
    expect(attrs).toMatchObject({
      href: "https://nsarchive.gwu.edu/",
      target: "_blank",
      rel: "noopener noreferrer nofollow",
    });
    expect(stored).not.toMatch(/"opener"/);
  });

  it("drops attributes we do not render, and targets other than a new tab", () => {
    const { attrs, stored } = linkAttrs(
      withLink({
        href: "https://example.org/",
        target: "_parent",
        rel: "",
        class: "evil",
        onclick: "alert(1)",
        style: "x",
      }),
    );
    expect(attrs).toEqual({
      href: "https://example.org/",
      target: null,
      rel: "noopener noreferrer nofollow",
      class: null,
      title: null,
    });
    expect(stored).not.toMatch(/onclick|evil|_parent/);
  });

  it("whatever the attributes, a stored link has our rel and at most a new-tab target", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom("target", "rel", "class", "title", "onclick", "href"),
          fc.oneof(fc.string(), fc.constant("_blank"), fc.constant(null)),
        ),
        (extra) => {
          const result = checkBody(withLink({ ...extra, href: "https://example.org/" }));
          if (!result.ok) return;
          result.doc.descendants((node) => {
            for (const mark of node.marks) {
              expect(mark.attrs.rel).toBe("noopener noreferrer nofollow");
              expect([null, "_blank"]).toContain(mark.attrs.target);
            }
          });
        },
      ),
    );
  });
});

describe("hostile bodies are refused with a message, never thrown (issue 9, defect 4)", () => {
  const nested = (depth: number) => {
    let node: Record<string, unknown> = { type: "paragraph", content: [{ type: "text", text: "deep" }] };
    for (let i = 0; i < depth; i++) node = { type: "blockquote", content: [node] };
    return { type: "doc", content: [node] };
  };

  it("a body nested 1,500 levels deep", () => {
    expect(checkBody(nested(1_500))).toEqual({
      ok: false,
      message: `The body nests nodes more than ${MAX_BODY_DEPTH} levels deep.`,
    });
    expect(checkBody(nested(10)).ok).toBe(true);
  });

  it("text with a NUL or a lone surrogate", () => {
    for (const text of ["a\u0000b", "x\ud800y"]) {
      const result = checkBody({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
      expect(result.ok).toBe(false);
    }
  });
});
