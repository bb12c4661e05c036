import "server-only";
import { AppError } from "@/lib/errors";
import { readBytesWithin } from "@/lib/http";
import { textProblem } from "@/lib/schemas/common";
import { MAX_UPLOAD_BYTES } from "@/lib/schemas/sources";
import type { SourceFile } from "@/lib/services/sources/import-source-file";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  if (typeof value !== "string") return undefined;
  const problem = textProblem(value);
  if (problem)
    throw new AppError("invalid_input", `The ${name} field ${problem}`, { issues: [{ path: name, message: problem }] });
  return value;
};

// The multipart envelope (boundaries, field headers, the metadata fields) adds a little to the file's own size.
const MAX_FORM_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024;

/** Reads the multipart import form: the metadata fields, and a file or pasted text. */
export async function readImportForm(
  request: Request,
): Promise<{ metadata: Record<string, unknown>; file?: SourceFile; text?: string }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    throw new AppError("unsupported_media", "Send the import as multipart/form-data, with a `file` or a `text` field.");
  }
  // Counted as the bytes arrive, so a chunked upload (no Content-Length) stops at the limit too;
  // only then is the form parsed, from what was kept.
  const bytes = await readBytesWithin(
    request,
    MAX_FORM_BYTES,
    () =>
      new AppError(
        "too_large",
        `This file is over the ${MAX_UPLOAD_BYTES / 1024 / 1024} MB limit. Split it into smaller files.`,
      ),
  );
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("invalid_input", "The upload did not arrive whole. Try again.");
  }
  const participants = (text(form, "participants") ?? "")
    .split(/\n|;/)
    .map((p) => p.trim())
    .filter(Boolean);
  const metadata = {
    title: text(form, "title") ?? "",
    kind: text(form, "kind") ?? "",
    primary: ["true", "on", "1"].includes(text(form, "primary") ?? ""),
    date: text(form, "date") || null,
    place: text(form, "place") ?? null,
    participants,
    collection: text(form, "collection") ?? null,
    url: text(form, "url") || null,
    reliabilityNote: text(form, "reliabilityNote") ?? "",
    onDuplicate: text(form, "onDuplicate") || "refuse",
  };
  const file = form.get("file");
  if (file instanceof File && file.size > 0) {
    return {
      metadata,
      file: { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name, mime: file.type },
    };
  }
  const pasted = text(form, "text");
  if (!pasted?.trim()) throw new AppError("invalid_input", "Choose a file to upload, or paste the document's text.");
  return { metadata, text: pasted };
}
