/**
 * Plain text of an HTML page for import as a source document: block elements become paragraph
 * breaks, <br> a line break, scripts, styles and page furniture (nav, header, footer, aside,
 * forms) are dropped, entities decoded. No DOM: this runs on the server on untrusted input,
 * so it never executes or fetches anything, and it is linear in the input.
 */

const DROP = /<(script|style|noscript|template|head|nav|header|footer|aside|form|svg|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[\s\S]*?\?>/g;
const BLOCK = /^(?:p|div|section|article|main|h[1-6]|li|ul|ol|dl|dt|dd|table|tr|blockquote|pre|figure|figcaption|hr|address|title|body|html)$/i;
const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "\u00ad", ndash: "–", mdash: "—", hellip: "…",
  lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", laquo: "«", raquo: "»", sbquo: "‚", bdquo: "„", middot: "·", bull: "•",
  copy: "©", reg: "®", trade: "™", eacute: "é", egrave: "è", aacute: "á", agrave: "à", oacute: "ó", iacute: "í",
  uacute: "ú", ouml: "ö", uuml: "ü", auml: "ä", ccedil: "ç", ntilde: "ñ", szlig: "ß", euro: "€", pound: "£", deg: "°",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,12}|#[0-9]{1,12}|[a-z][a-z0-9]{1,31});?/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : "\ufffd";
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

export function htmlToText(html: string): string {
  const body = html.replace(COMMENT, "").replace(DROP, " ");
  const withBreaks = body.replace(/<\/?([a-z][a-z0-9-]*)\b[^>]*>/gi, (_tag, name: string) => {
    if (/^br$/i.test(name)) return "\n";
    return BLOCK.test(name) ? "\n\n" : "";
  });
  const text = decodeEntities(withBreaks.replace(/<[^>]*>/g, ""));
  return text
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
