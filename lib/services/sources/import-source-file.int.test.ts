import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { MAX_UPLOAD_BYTES } from "@/lib/schemas/sources";
import { importSourceFile, type SourceFile } from "@/lib/services/sources/import-source-file";
import { makePdf } from "@/e2e/fixtures/make-pdf";
import { buildUser, unique } from "@/test/support/factories";

const metadata = (overrides: Record<string, unknown> = {}) => ({
  title: unique("Imported"),
  kind: "transcript",
  primary: true,
  ...overrides,
});
const file = (bytes: Uint8Array | string, filename: string, mime = ""): SourceFile => ({
  bytes: typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes,
  filename,
  mime,
});
const transcript = (marker: string) =>
  `10:10 A.M.\n\nPRESIDENT PUTIN: Welcome to Sochi, ${marker}.\n\nPRESIDENT BUSH: Thank you. ${marker} matters.\n`;

async function passagesOf(id: string) {
  const document = await prisma.sourceDocument.findUniqueOrThrow({
    where: { id },
    include: { passages: { orderBy: { ordinal: "asc" } } },
  });
  for (const p of document.passages) expect(document.text.slice(p.start, p.end)).toBe(p.text);
  return document;
}

describe("importing source files", () => {
  it("imports a text file as speaker-turn passages in one audited transaction", async () => {
    const editor = await buildUser();
    const marker = unique("turns");
    const source = await importSourceFile({
      actor: editor,
      input: { metadata: metadata(), file: file(transcript(marker), "remarks.txt") },
    });
    const document = await passagesOf(source.id);
    expect(document.passages.map((p) => p.speaker)).toEqual([null, "PRESIDENT PUTIN", "PRESIDENT BUSH"]);
    expect(document.passages[1]!.searchText).toContain(marker.toLowerCase().replace(/-/g, " "));
    const audit = await prisma.auditEvent.findMany({ where: { entityId: source.id } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["source.import", editor.id]]);
  });

  it("reads UTF-16 with a byte order mark and Windows-1252", async () => {
    const editor = await buildUser();
    const marker = unique("utf16");
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from(`“${marker}” — said.`).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    const a = await importSourceFile({ actor: editor, input: { metadata: metadata(), file: file(utf16, "a.txt") } });
    expect((await passagesOf(a.id)).text).toBe(`“${marker}” — said.`);
    expect(a.format).toMatch(/utf-16le with byte order mark/);
    const cp1252 = new Uint8Array([0x93, ...new TextEncoder().encode(unique("cp")), 0x94, 0x20, 0x96, 0x20, 0x41]);
    const b = await importSourceFile({ actor: editor, input: { metadata: metadata(), file: file(cp1252, "b.txt") } });
    expect((await passagesOf(b.id)).text).toMatch(/^“cp-[0-9a-f]+” – A$/);
  });

  it("reads HTML and Markdown as their words", async () => {
    const editor = await buildUser();
    const marker = unique("html");
    const html = await importSourceFile({
      actor: editor,
      input: {
        metadata: metadata(),
        file: file(
          `<html><body><nav>Menu</nav><p>PRESIDENT BUSH: ${marker} &amp; more.</p><script>x()</script></body></html>`,
          "page.html",
        ),
      },
    });
    expect((await passagesOf(html.id)).text).toBe(`PRESIDENT BUSH: ${marker} & more.`);
    const md = await importSourceFile({
      actor: editor,
      input: { metadata: metadata(), file: file(`# Title ${marker}\n\nSome **bold** words.`, "notes.md") },
    });
    expect((await passagesOf(md.id)).passages.map((p) => p.text)).toEqual([`Title ${marker}`, "Some bold words."]);
  });

  it("reads a PDF's text layer, and asks for OCR when it has none", async () => {
    const editor = await buildUser();
    const marker = unique("pdf");
    const pdf = makePdf([
      [`PRESIDENT BUSH: Pakistan's nucle-`, `ar program worries us, ${marker}.`],
      ["PRESIDENT PUTIN: I agree."],
    ]);
    const source = await importSourceFile({
      actor: editor,
      input: { metadata: metadata(), file: file(pdf, "memo.pdf", "application/pdf") },
    });
    const document = await passagesOf(source.id);
    expect(document.text).toContain("nuclear program");
    expect(document.passages.map((p) => p.speaker)).toEqual(["PRESIDENT BUSH", "PRESIDENT PUTIN"]);
    const scan = makePdf([[], []]);
    await expect(
      importSourceFile({ actor: editor, input: { metadata: metadata(), file: file(scan, "scan.pdf") } }),
    ).rejects.toThrow(/OCR/);
    await expect(
      importSourceFile({ actor: editor, input: { metadata: metadata(), file: file("%PDF-1.4 broken", "broken.pdf") } }),
    ).rejects.toThrow(/could not be read/);
  });

  it("refuses binary, empty, unknown and oversized files with a message", async () => {
    const editor = await buildUser();
    const attempt = (f: SourceFile) => importSourceFile({ actor: editor, input: { metadata: metadata(), file: f } });
    await expect(
      attempt(file(new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x00, 0x00]), "x.txt")),
    ).rejects.toMatchObject({ code: "unsupported_media" });
    await expect(attempt(file("   \n  ", "empty.txt"))).rejects.toThrow(/no text/);
    await expect(attempt(file("PK\u0003\u0004 zipped", "report.docx"))).rejects.toThrow(/\.txt, \.md, \.html or \.pdf/);
    await expect(attempt(file(new Uint8Array(MAX_UPLOAD_BYTES + 1), "huge.txt"))).rejects.toMatchObject({
      code: "too_large",
    });
  });

  it("detects a re-import of the same text: refused with the existing document, or a new version", async () => {
    const editor = await buildUser();
    const text = transcript(unique("dup"));
    const first = await importSourceFile({ actor: editor, input: { metadata: metadata(), text } });
    const refused = importSourceFile({ actor: editor, input: { metadata: metadata(), file: file(text, "again.txt") } });
    await expect(refused).rejects.toMatchObject({ code: "conflict", details: { existing: { id: first.id } } });
    const second = await importSourceFile({
      actor: editor,
      input: { metadata: metadata({ onDuplicate: "new_version" }), text },
    });
    expect(second.docVersion).toBe(2);
    expect((await prisma.sourceDocument.findUniqueOrThrow({ where: { id: second.id } })).previousId).toBe(first.id);
  });

  it("lets neither reviewers nor signed-out callers import", async () => {
    const reviewer = await buildUser({ role: "reviewer" });
    const title = unique("Forbidden");
    for (const actor of [reviewer, null]) {
      await expect(
        importSourceFile({ actor, input: { metadata: metadata({ title }), text: "Some words." } }),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await prisma.sourceDocument.count({ where: { title } })).toBe(0);
  });

  it("says which metadata is wrong", async () => {
    const editor = await buildUser();
    await expect(
      importSourceFile({
        actor: editor,
        input: { metadata: { title: "", kind: "poem", primary: true, url: "javascript:alert(1)" }, text: "Words." },
      }),
    ).rejects.toThrow(/title|kind|http/i);
  });
});
