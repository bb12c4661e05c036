/**
 * Cleans the text layer a PDF library extracted, page by page, into document text: soft
 * hyphens removed, words hyphenated across a line break joined ("nucle-\nar" → "nuclear"),
 * trailing spaces dropped, pages separated by a blank line. Offsets of passages point into the
 * result, so this runs once at import and its output is what is stored.
 */

/** A page needs this many letters for the PDF to count as having a text layer. */
export const MIN_LETTERS_PER_PDF = 20;

export function cleanPdfPages(pages: readonly string[]): string {
  return pages
    .map((page) =>
      page
        .replace(/\r\n?/g, "\n")
        .replace(/\u00ad/g, "")
        .replace(/(\p{Ll})-[ \t]*\n[ \t]*(\p{Ll})/gu, "$1$2")
        .split("\n")
        .map((line) => line.replace(/[ \t]+$/g, ""))
        .join("\n")
        .trim(),
    )
    .filter((page) => page !== "")
    .join("\n\n");
}

/** True when the extracted text has so few letters that the PDF must be a scan without OCR. */
export function lacksTextLayer(text: string): boolean {
  return (text.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS_PER_PDF;
}
