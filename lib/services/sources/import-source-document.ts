import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/policies";
import { AppError } from "@/lib/errors";
import { ZImportSourceRequest, type TImportSourceRequest } from "@/lib/schemas/sources";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { searchTextFor } from "@/lib/services/sources/search-text";
import { PassageError, segmentDocument } from "@/lib/text/segmentation/segment";

export type ImportedSource = { id: string; slug: string; title: string; passageCount: number; docVersion: number };

export const contentHash = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

function slugify(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  // "import" is the import page's own address (/sources/import).
  return !base || base === "import" ? `${base || "source"}-document` : base;
}

/** One transaction: the document and all its passages land together, or nothing does. */
export async function importSourceDocument({
  actor,
  input,
}: {
  actor: Actor | null;
  input: TImportSourceRequest;
}): Promise<ImportedSource> {
  authorize(actor, "source:import");
  const data = ZImportSourceRequest.parse(input);
  const text = data.text.replace(/\r\n?/g, "\n");
  if (!text.trim()) throw new AppError("invalid_input", "The document has no text.");
  let passages;
  try {
    passages = segmentDocument(text);
  } catch (error) {
    if (error instanceof PassageError) throw new AppError("invalid_input", error.message);
    throw error;
  }
  const hash = contentHash(text);
  try {
    return await insertDocument(actor, data, text, hash, passages);
  } catch (error) {
    // Two imports of the same text at once both saw no newer version; one wins.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError(
        "conflict",
        "Someone imported this document at the same moment. Reload the sources list and try again.",
      );
    }
    throw error;
  }
}

type Parsed = ReturnType<typeof ZImportSourceRequest.parse>;

function insertDocument(
  actor: Actor,
  data: Parsed,
  text: string,
  hash: string,
  passages: ReturnType<typeof segmentDocument>,
): Promise<ImportedSource> {
  // Folded before the transaction opens, so a long document holds no locks while it is worked on.
  const rows = passages.map((p) => {
    const passageText = text.slice(p.start, p.end);
    return {
      ordinal: p.ordinal,
      speaker: p.speaker,
      start: p.start,
      end: p.end,
      text: passageText,
      searchText: searchTextFor(passageText),
    };
  });
  return prisma.$transaction(async (tx) => {
    const duplicate = await tx.sourceDocument.findFirst({
      where: { contentHash: hash, next: null },
      orderBy: { docVersion: "desc" },
    });
    if (duplicate && data.onDuplicate === "refuse") {
      throw new AppError(
        "conflict",
        `This text was already imported as “${duplicate.title}”. Import it as a new version, or open the existing document.`,
        {
          existing: { id: duplicate.id, slug: duplicate.slug, title: duplicate.title },
        },
      );
    }
    let slug = data.slug && data.slug !== "import" ? data.slug : slugify(data.title);
    if (duplicate) slug = `${duplicate.slug.replace(/-v\d+$/, "")}-v${duplicate.docVersion + 1}`;
    if (await tx.sourceDocument.findUnique({ where: { slug } })) slug = `${slug}-${hash.slice(0, 8)}`;
    const document = await tx.sourceDocument.create({
      data: {
        slug,
        title: data.title,
        kind: data.kind,
        primary: data.primary,
        date: data.date ? new Date(`${data.date}T00:00:00Z`) : null,
        place: data.place ?? null,
        participants: data.participants,
        collection: data.collection ?? null,
        url: data.url ?? null,
        reliabilityNote: data.reliabilityNote,
        text,
        contentHash: hash,
        docVersion: duplicate ? duplicate.docVersion + 1 : 1,
        previousId: duplicate?.id ?? null,
        createdById: actor.id,
      },
    });
    await tx.passage.createMany({
      data: rows.map((row) => ({ ...row, documentId: document.id })),
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "source.import",
      entityType: "source",
      entityId: document.id,
      after: {
        slug,
        title: data.title,
        kind: data.kind,
        primary: data.primary,
        contentHash: hash,
        passageCount: passages.length,
        previousId: duplicate?.id ?? null,
      },
    });
    return {
      id: document.id,
      slug,
      title: document.title,
      passageCount: passages.length,
      docVersion: document.docVersion,
    };
  }, IMPORT_TRANSACTION);
}

// A 5-million-character document is ~10,000 passages: more than Prisma's 5 s default.
const IMPORT_TRANSACTION = { timeout: 120_000, maxWait: 10_000 };
