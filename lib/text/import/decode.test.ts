import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeTextBytes } from "./decode";

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const utf16le = (s: string) =>
  bytes(
    ...[...s].flatMap((c) => {
      const out: number[][] = [];
      for (let i = 0; i < c.length; i++) out.push([c.charCodeAt(i) & 0xff, c.charCodeAt(i) >> 8]);
      return out;
    }),
  );
const swap = (b: Uint8Array) => b.map((_, i) => b[i % 2 === 0 ? i + 1 : i - 1]!);

const corpus = new URL("../../../prisma/demo/corpus/", import.meta.url);
const sources: { id: string; text: string }[] = JSON.parse(
  readFileSync(new URL("sources.json", corpus), "utf8"),
).documents;

describe("decodeTextBytes", () => {
  it("decodes UTF-8 and strips its byte order mark", () => {
    expect(decodeTextBytes(utf8("“Think about us,” Putin said."))).toEqual({
      ok: true,
      text: "“Think about us,” Putin said.",
      encoding: "utf-8",
      hadBom: false,
      lineEndingsNormalised: false,
    });
    const withBom = decodeTextBytes(bytes([0xef, 0xbb, 0xbf], utf8("Привет")));
    expect(withBom).toMatchObject({ ok: true, text: "Привет", encoding: "utf-8", hadBom: true });
  });

  it("decodes UTF-16 with and without a byte order mark", () => {
    const text = "Путин 👍🏽 “yes”";
    expect(decodeTextBytes(bytes([0xff, 0xfe], utf16le(text)))).toMatchObject({
      ok: true,
      text,
      encoding: "utf-16le",
      hadBom: true,
    });
    expect(decodeTextBytes(bytes([0xfe, 0xff], swap(utf16le(text))))).toMatchObject({
      ok: true,
      text,
      encoding: "utf-16be",
    });
    const ascii = "PRESIDENT BUSH: Thank you.\n";
    expect(decodeTextBytes(utf16le(ascii))).toMatchObject({
      ok: true,
      text: ascii,
      encoding: "utf-16le",
      hadBom: false,
    });
    expect(decodeTextBytes(swap(utf16le(ascii)))).toMatchObject({ ok: true, text: ascii, encoding: "utf-16be" });
  });

  it("refuses UTF-16 text holding a NUL, saying on which line", () => {
    const text = "PRESIDENT BUSH: Thank you.\r\nPRESIDENT PUTIN: Thank\u0000 you.\n";
    for (const file of [bytes([0xff, 0xfe], utf16le(text)), bytes([0xfe, 0xff], swap(utf16le(text)))])
      expect(decodeTextBytes(file)).toEqual({
        ok: false,
        reason: "nul",
        message:
          "This file has a NUL character (U+0000) on line 2, which text cannot hold. Remove it, save the file as UTF-8 text and upload it again.",
      });
  });

  it("falls back to windows-1252 when the bytes are not UTF-8", () => {
    // A Word export: curly quotes, an em dash and é as single bytes.
    const result = decodeTextBytes(bytes([0x93], utf8("Caf"), [0xe9, 0x94, 0x20, 0x97, 0x20, 0x80, 0x35]));
    expect(result).toMatchObject({ ok: true, text: "“Café” — €5", encoding: "windows-1252" });
  });

  it("normalises CRLF and CR line endings to LF, and says so", () => {
    expect(decodeTextBytes(utf8("a\r\nb\rc\nd"))).toMatchObject({
      ok: true,
      text: "a\nb\nc\nd",
      lineEndingsNormalised: true,
    });
  });

  it("refuses empty, binary, PDF and zipped files with a message a person can act on", () => {
    expect(decodeTextBytes(new Uint8Array())).toMatchObject({ ok: false, reason: "empty" });
    expect(decodeTextBytes(utf8(" \n\t "))).toMatchObject({ ok: false, reason: "empty" });
    expect(decodeTextBytes(bytes([0xef, 0xbb, 0xbf]))).toMatchObject({ ok: false, reason: "empty" });
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(decodeTextBytes(png)).toEqual({
      ok: false,
      reason: "binary",
      message: "This looks like a binary file, not text. Upload .txt, .md, .html or .pdf.",
    });
    expect(decodeTextBytes(utf8("%PDF-1.7\n%âãÏÓ"))).toMatchObject({ ok: false, reason: "pdf" });
    expect(decodeTextBytes(bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0]))).toMatchObject({
      ok: false,
      reason: "binary",
      message: expect.stringMatching(/Word document/),
    });
    expect(decodeTextBytes(utf8("\u0001\u0002\u0003\u0004 text"))).toMatchObject({ ok: false, reason: "binary" });
    expect(decodeTextBytes(bytes([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toMatchObject({
      ok: false,
      reason: "invalid-encoding",
    });
  });

  it.each(sources.map((s) => [s.id, s.text] as const))("round-trips %s", (_, text) => {
    expect(decodeTextBytes(utf8(text))).toMatchObject({ ok: true, text, encoding: "utf-8" });
  });

  it("never throws on random bytes, and what it accepts is clean text", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const result = decodeTextBytes(b);
        if (!result.ok) {
          expect(result.message.length).toBeGreaterThan(0);
          return;
        }
        expect(result.text).not.toMatch(/\r/);
        expect(result.text.trim()).not.toBe("");
      }),
      { numRuns: 200 },
    );
  });

  it("gives back any ordinary text exactly, as UTF-8 and as UTF-16", () => {
    const text = fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 80 })
      .filter(
        (s) => s.trim() !== "" && !s.startsWith("\uFEFF") && !/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFFFD]/.test(s),
      );
    fc.assert(
      fc.property(text, (s) => {
        const expected = s.replace(/\r\n?/g, "\n");
        expect(decodeTextBytes(utf8(s))).toMatchObject({ ok: true, text: expected });
        expect(decodeTextBytes(bytes([0xff, 0xfe], utf16le(s)))).toMatchObject({ ok: true, text: expected });
      }),
      { numRuns: 200 },
    );
  });
});
