/**
 * Turns an uploaded file's bytes into the document text that passages and evidence offsets
 * point into. Runs in the browser and on the server (Uint8Array and TextDecoder only).
 *
 * The returned text is not the bytes' exact decoding: the byte order mark is dropped and line
 * endings are normalised to "\n" (CRLF and lone CR alike), so offsets never depend on which
 * system wrote the file. Store this text, not the original bytes' decoding.
 */

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export type DecodeFailure = "empty" | "binary" | "pdf" | "invalid-encoding" | "nul";

export type DecodeResult =
  | {
      ok: true;
      text: string;
      encoding: TextEncodingName;
      hadBom: boolean;
      /** True when CRLF or CR line endings were turned into LF. */
      lineEndingsNormalised: boolean;
    }
  | { ok: false; reason: DecodeFailure; message: string };

/** Above this share of control characters a file is treated as binary, not text. */
export const MAX_CONTROL_CHAR_RATIO = 0.1;

const MESSAGES: Record<DecodeFailure, string> = {
  empty: "This file has no text in it.",
  binary: "This looks like a binary file, not text. Upload .txt, .md, .html or .pdf.",
  pdf: "This is a PDF file; its text has to be extracted as a PDF, not read as plain text.",
  "invalid-encoding": "This file's text encoding could not be read. Save it as UTF-8 text and upload it again.",
  nul: "This file has a NUL character (U+0000), which text cannot hold. Remove it, save the file as UTF-8 text and upload it again.",
};

const fail = (reason: DecodeFailure, message = MESSAGES[reason]): DecodeResult => ({
  ok: false,
  reason,
  message,
});

export function decodeTextBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return fail("empty");
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return fail("pdf"); // "%PDF-"
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return fail(
      "binary",
      "This looks like a Word document or another zipped file, not text. Save it as .txt or PDF, or upload .txt, .md, .html or .pdf.",
    );
  }

  const decoded = decodeBytes(bytes);
  if (!decoded) return fail("invalid-encoding");
  if ("failure" in decoded) return fail(decoded.failure);
  if (decoded.text.trim() === "") return fail("empty");
  if (controlRatio(decoded.text) > MAX_CONTROL_CHAR_RATIO) return fail("binary");
  // UTF-16 can encode U+0000 among real text; no text column can hold it, so say where it is.
  const nul = decoded.text.indexOf("\u0000");
  if (nul >= 0) {
    const line = decoded.text.slice(0, nul).split(/\r\n?|\n/).length;
    return fail(
      "nul",
      `This file has a NUL character (U+0000) on line ${line.toLocaleString("en")}, which text cannot hold. Remove it, save the file as UTF-8 text and upload it again.`,
    );
  }

  const text = decoded.text.replace(/\r\n?/g, "\n");
  return {
    ok: true,
    text,
    encoding: decoded.encoding,
    hadBom: decoded.hadBom,
    lineEndingsNormalised: text !== decoded.text,
  };
}

type Decoded = { text: string; encoding: TextEncodingName; hadBom: boolean } | { failure: DecodeFailure };

function decodeBytes(bytes: Uint8Array): Decoded | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = utf8(bytes.subarray(3));
    // A UTF-8 mark on bytes that are not UTF-8: an editor added it to a legacy file.
    if (text === null) return { text: windows1252(bytes.subarray(3)), encoding: "windows-1252", hadBom: true };
    return { text, encoding: "utf-8", hadBom: true };
  }
  // FF FE 00 00 is UTF-32, which browsers cannot decode; refuse rather than show gibberish.
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) return null;
  if (startsWith(bytes, [0xff, 0xfe])) return utf16(bytes.subarray(2), "utf-16le", true);
  if (startsWith(bytes, [0xfe, 0xff])) return utf16(bytes.subarray(2), "utf-16be", true);

  const sniffed = sniffUtf16(bytes);
  if (sniffed) return utf16(bytes, sniffed, false);
  // NUL never occurs in 8-bit text; it is the surest sign of a binary file.
  if (bytes.includes(0)) return { failure: "binary" };

  const text = utf8(bytes);
  if (text !== null) return { text, encoding: "utf-8", hadBom: false };
  // Not UTF-8: old Windows and Word exports are windows-1252 (curly quotes at 0x93/0x94).
  return { text: windows1252(bytes), encoding: "windows-1252", hadBom: false };
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function utf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be", hadBom: boolean): Decoded | null {
  // Decoding big-endian by swapping bytes: not every runtime's TextDecoder knows "utf-16be".
  let le = bytes;
  if (encoding === "utf-16be") {
    le = new Uint8Array(bytes.length);
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      le[i] = bytes[i + 1]!;
      le[i + 1] = bytes[i]!;
    }
    if (bytes.length % 2 === 1) le[bytes.length - 1] = bytes[bytes.length - 1]!;
  }
  try {
    const text = new TextDecoder("utf-16le", { fatal: true, ignoreBOM: true }).decode(le);
    return { text, encoding, hadBom };
  } catch {
    return null;
  }
}

/** ASCII-heavy UTF-16 without a BOM has a zero in every other byte. */
function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros / pairs > 0.3 && evenZeros / pairs < 0.05) return "utf-16le";
  if (evenZeros / pairs > 0.3 && oddZeros / pairs < 0.05) return "utf-16be";
  return null;
}

// windows-1252 bytes 0x80–0x9F. Written out because Node 20's TextDecoder("windows-1252")
// decodes these as Latin-1 control characters, unlike browsers.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function windows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b));
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join("");
}

/** Share of characters that no text file contains: C0 controls but tab, newlines, form feed. */
function controlRatio(text: string): number {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const allowed = c === 0x09 || c === 0x0a || c === 0x0b || c === 0x0c || c === 0x0d;
    if ((c < 0x20 && !allowed) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) controls++;
  }
  return controls / text.length;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}
