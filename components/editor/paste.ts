import type { Editor } from "@tiptap/core";
import { marked } from "marked";

/** A paste larger than this is refused: 1 MB of text is a long book chapter. */
export const MAX_PASTE_CHARS = 1_000_000;

const MARKDOWN_HINT = /(^|\n)(#{1,6} |[-*+] |\d+\. |> )|\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\)/;

/**
 * Clipboard handling on top of Tiptap's: refuses huge pastes with a message, and turns a
 * Markdown-looking plain-text paste into formatted text. HTML pastes go through Tiptap's
 * schema-driven parser, which keeps only what the article schema knows (no script, style,
 * iframe, event attributes; links only http, https, mailto).
 */
export function handlePaste(editor: Editor, event: ClipboardEvent, notify: (message: string) => void): boolean {
  const html = event.clipboardData?.getData("text/html") ?? "";
  const text = event.clipboardData?.getData("text/plain") ?? "";
  const size = Math.max(html.length, text.length);
  if (size > MAX_PASTE_CHARS) {
    notify(
      `That paste is ${(size / 1_000_000).toFixed(1)} million characters; the editor takes at most 1 million at once. Paste it in parts, or import it as a file.`,
    );
    return true;
  }
  if (!html && MARKDOWN_HINT.test(text)) {
    // insertContent skips the paste plugin that strips claim marks, so strip their ids here:
    // pasted text must never claim to be an existing claim.
    const rendered = marked.parse(text, { async: false }).replace(/\bdata-claim-id\s*=/gi, "data-pasted=");
    editor.commands.insertContent(rendered);
    return true;
  }
  return false;
}
