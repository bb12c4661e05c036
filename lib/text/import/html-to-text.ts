import { decodeHTML } from "entities";
import { parse, type DefaultTreeAdapterTypes as T } from "parse5";

/**
 * Plain text of an HTML page for import as a source document: block elements become paragraph
 * breaks, <br> a line break, scripts, styles and page furniture (nav, footer, aside, forms, and
 * a page's own masthead) are dropped. Parsed by parse5, the WHATWG HTML parser (the browser's
 * own rules for broken markup and every named entity, case included: &Eacute; is É, not é).
 * It builds a tree and never executes or fetches anything, so it is safe on untrusted input.
 */

const DROP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "nav",
  "footer",
  "aside",
  "form",
  "svg",
  "math",
  "iframe",
  "object",
  "button",
  "select",
  "textarea",
]);
const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "header",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "table",
  "tr",
  "blockquote",
  "pre",
  "figure",
  "figcaption",
  "hr",
  "address",
  "body",
  "html",
]);

/** Decodes HTML character references the way a browser does in text. */
export function decodeEntities(text: string): string {
  return decodeHTML(text);
}

type Node = T.ChildNode | T.Document;
const isElement = (node: Node): node is T.Element => "tagName" in node;

// A <header> inside an article or main is the story's own (its headline); anywhere else it is the site's masthead.
function dropped(element: T.Element, inContent: boolean): boolean {
  return DROP.has(element.tagName) || (element.tagName === "header" && !inContent);
}

export function htmlToText(html: string): string {
  const out: string[] = [];
  // Iterative: a hostile page nested thousands of levels deep cannot overflow the stack.
  const stack: ({ node: Node; inContent: boolean; inPre: boolean } | string)[] = [
    { node: parse(html), inContent: false, inPre: false },
  ];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === "string") {
      out.push(item);
      continue;
    }
    const { node, inContent, inPre } = item;
    if (node.nodeName === "#text") {
      const value = (node as T.TextNode).value;
      // Outside <pre>, a line break in the source is only a space, as a browser shows it.
      out.push(inPre ? value : value.replace(/[\t\n\r\f ]+/g, " "));
      continue;
    }
    if (!("childNodes" in node)) continue;
    let content = inContent;
    let pre = inPre;
    if (isElement(node)) {
      if (dropped(node, inContent)) continue;
      if (node.tagName === "br") {
        out.push("\n");
        continue;
      }
      content ||= node.tagName === "article" || node.tagName === "main";
      pre ||= node.tagName === "pre";
      if (BLOCK.has(node.tagName)) {
        out.push("\n\n");
        stack.push("\n\n");
      }
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, inContent: content, inPre: pre });
  }
  return out
    .join("")
    .split("\n")
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Markdown keeps its words; the markup that is not words goes (headings' #, emphasis, links). */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/^```[^\n]*\n?|^~~~[^\n]*\n?/gm, "")
    .replace(/^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$/gm, "$1")
    .replace(/^ {0,3}>[ \t]?/gm, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, "$1$2")
    .replace(/^ {0,3}(?:[-*_][ \t]*){3,}$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
