import "server-only";
import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_BYTES } from "@/lib/schemas/sources";
import type { SourceFile } from "@/lib/services/sources/import-source-file";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};

/** Reads the multipart import form: the metadata fields, and a file or pasted text. */
export async function readImportForm(request: Request): Promise<{ metadata: Record<string, unknown>; file?: SourceFile; text?: string }> {
  // Refuse before buffering: the multipart envelope adds a little to the file's own size.
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_UPLOAD_BYTES + 1024 * 1024) throw new AppError("too_large", `This file is over the ${MAX_UPLOAD_BYTES / 1024 / 1024} MB limit. Split it into smaller files.`);
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    throw new AppError("unsupported_media", "Send the import as multipart/form-data, with a `file` or a `text` field.");
  }
  let form: FormData;
  try {
    form = await request.formData();
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
    return { metadata, file: { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name, mime: file.type } };
  }
  const pasted = text(form, "text");
  if (!pasted?.trim()) throw new AppError("invalid_input", "Choose a file to upload, or paste the document's text.");
  return { metadata, text: pasted };
}
