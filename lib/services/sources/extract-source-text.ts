import "server-only";
import { AppError } from "@/lib/errors";
import { MAX_SOURCE_CHARS, MAX_UPLOAD_BYTES, type SourceFileType } from "@/lib/schemas/sources";
import { decodeTextBytes } from "@/lib/text/import/decode";
import { htmlToText, markdownToText } from "@/lib/text/import/html-to-text";
import { cleanPdfPages, lacksTextLayer } from "@/lib/text/import/pdf-text";

export type ExtractedText = { text: string; type: SourceFileType; detail: string };

const TYPE_BY_EXTENSION: Record<string, SourceFileType> = {
  txt: "txt",
  text: "txt",
  md: "md",
  markdown: "md",
  html: "html",
  htm: "html",
  pdf: "pdf",
};
const TYPE_BY_MIME: Record<string, SourceFileType> = {
  "text/plain": "txt",
  "text/markdown": "md",
  "text/html": "html",
  "application/pdf": "pdf",
};

export function sourceFileType(filename: string, mime: string): SourceFileType {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  const type = (extension && TYPE_BY_EXTENSION[extension]) ?? TYPE_BY_MIME[mime.split(";")[0]!.trim().toLowerCase()];
  if (!type)
    throw new AppError(
      "unsupported_media",
      `“${filename}” is not a file Sourcemark can read. Upload .txt, .md, .html or .pdf, or paste the text.`,
    );
  return type;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  // Loaded on demand: pdf.js is large and only PDF imports need it.
  const { extractText, getDocumentProxy } = await import("unpdf");
  let pages: string[];
  try {
    const pdf = await getDocumentProxy(bytes);
    pages = (await extractText(pdf, { mergePages: false })).text;
  } catch (error) {
    const encrypted = error instanceof Error && /password/i.test(error.message);
    throw new AppError(
      "invalid_input",
      encrypted
        ? "This PDF is protected by a password. Remove the protection and upload it again."
        : "This PDF could not be read; it may be damaged. Open and re-save it, or paste its text.",
    );
  }
  const text = cleanPdfPages(pages);
  if (lacksTextLayer(text)) {
    throw new AppError(
      "invalid_input",
      "This PDF has no text layer: it is a scanned image. It needs OCR first (for example OCRmyPDF, or your scanner's “searchable PDF” option); then upload the result, or paste the text.",
      { reason: "needs_ocr" },
    );
  }
  return text;
}

/** The document text of an uploaded file: decoded, converted to plain text, within limits. */
export async function extractSourceText({
  bytes,
  filename,
  mime,
}: {
  bytes: Uint8Array;
  filename: string;
  mime: string;
}): Promise<ExtractedText> {
  if (bytes.length > MAX_UPLOAD_BYTES)
    throw new AppError(
      "too_large",
      `This file is over the ${MAX_UPLOAD_BYTES / 1024 / 1024} MB limit. Split it into smaller files.`,
    );
  const type = sourceFileType(filename, mime);
  let text: string;
  let detail: string;
  if (type === "pdf") {
    text = await pdfText(bytes);
    detail = "PDF text layer";
  } else {
    const decoded = decodeTextBytes(bytes);
    if (!decoded.ok)
      throw new AppError(
        decoded.reason === "binary" || decoded.reason === "pdf" ? "unsupported_media" : "invalid_input",
        decoded.message,
        { reason: decoded.reason },
      );
    text = type === "html" ? htmlToText(decoded.text) : type === "md" ? markdownToText(decoded.text) : decoded.text;
    detail = `${decoded.encoding}${decoded.hadBom ? " with byte order mark" : ""}`;
  }
  if (text.trim() === "") throw new AppError("invalid_input", "This file has no text in it.");
  if (text.length > MAX_SOURCE_CHARS)
    throw new AppError(
      "too_large",
      `This document has ${text.length.toLocaleString("en")} characters; the limit is ${MAX_SOURCE_CHARS.toLocaleString("en")}. Split it into smaller files.`,
    );
  return { text, type, detail };
}
