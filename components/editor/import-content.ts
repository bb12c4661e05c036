import { marked } from "marked";
import { paragraphsToDoc, type ProseMirrorJSON } from "@/lib/editor/body";
import { decodeTextBytes } from "@/lib/text/import/decode";
import { parseArticleHeader } from "@/lib/text/segmentation/paragraphs";

/** The largest article file we read: far beyond any article, small enough for a browser tab. */
export const MAX_ARTICLE_FILE_BYTES = 5 * 1024 * 1024;

export type ImportedContent =
  { ok: true; content: string | ProseMirrorJSON; meta: Record<string, string> } | { ok: false; message: string };

/**
 * Reads an uploaded .txt, .md or .html file into something the editor can load. HTML and
 * Markdown become HTML that Tiptap parses against the article schema (dropping script, style,
 * iframes, event attributes and unsafe links); plain text becomes paragraphs.
 */
export async function readArticleFile(file: File): Promise<ImportedContent> {
  if (file.size > MAX_ARTICLE_FILE_BYTES)
    return {
      ok: false,
      message: `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; an article file may be at most 5 MB.`,
    };
  const extension = file.name.toLowerCase().split(".").pop();
  if (!["txt", "md", "markdown", "html", "htm"].includes(extension ?? ""))
    return {
      ok: false,
      message: `${file.name} is not an article file: upload a .txt, .md or .html file (a PDF is imported as a source, not an article).`,
    };
  const decoded = decodeTextBytes(new Uint8Array(await file.arrayBuffer()));
  // The decoder speaks for source imports, which also take PDFs; an article is text only.
  if (!decoded.ok)
    return {
      ok: false,
      message:
        decoded.reason === "binary" || decoded.reason === "pdf"
          ? `${file.name} does not look like text. Upload the article as a .txt, .md or .html file (a PDF is imported as a source).`
          : decoded.message,
    };
  if (extension === "html" || extension === "htm") return { ok: true, content: decoded.text, meta: {} };
  const { meta, body } = parseArticleHeader(decoded.text);
  if (extension === "md" || extension === "markdown")
    return { ok: true, content: marked.parse(body, { async: false }), meta };
  return { ok: true, content: paragraphsToDoc(body.split(/\n\s*\n/)), meta };
}
