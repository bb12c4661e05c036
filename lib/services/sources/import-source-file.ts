import "server-only";
import { authorize, type Actor } from "@/lib/auth/policies";
import { ZImportSourceMetadata } from "@/lib/schemas/sources";
import { extractSourceText } from "@/lib/services/sources/extract-source-text";
import { importSourceDocument, type ImportedSource } from "@/lib/services/sources/import-source-document";

export type SourceFile = { bytes: Uint8Array; filename: string; mime: string };

/**
 * Imports an uploaded file (or pasted text) with its metadata. Authorizes before reading the
 * file, so a reviewer's upload costs no PDF parsing; the import itself is one transaction.
 */
export async function importSourceFile({
  actor,
  input,
}: {
  actor: Actor | null;
  input: { metadata: unknown; file?: SourceFile; text?: string };
}): Promise<ImportedSource & { format: string }> {
  authorize(actor, "source:import");
  const metadata = ZImportSourceMetadata.parse(input.metadata);
  if (input.file) {
    const extracted = await extractSourceText(input.file);
    const imported = await importSourceDocument({ actor, input: { ...metadata, text: extracted.text } });
    return { ...imported, format: `${extracted.type} (${extracted.detail})` };
  }
  const imported = await importSourceDocument({ actor, input: { ...metadata, text: input.text ?? "" } });
  return { ...imported, format: "pasted text" };
}
