// Source documents for integration tests: the real demo corpus, imported through the service.
import type { Actor } from "@/lib/auth/policies";
import type { TImportSourceRequest } from "@/lib/schemas/sources";
import { corpusDocuments, corpusImportRequest } from "@/prisma/demo/corpus";
import { importSourceDocument } from "@/lib/services/sources/import-source-document";
import { unique } from "@/test/support/factories";

/** Imports the seven corpus documents (as new versions when another test imported them too). */
export async function importCorpus(actor: Actor): Promise<Record<string, { id: string; slug: string }>> {
  const imported: Record<string, { id: string; slug: string }> = {};
  for (const doc of corpusDocuments()) {
    const result = await importSourceDocument({
      actor,
      input: { ...corpusImportRequest(doc), slug: unique(doc.id).slice(0, 100), onDuplicate: "new_version" },
    });
    imported[doc.id] = { id: result.id, slug: result.slug };
  }
  return imported;
}

/** A small document with unique words, for tests that must not see other tests' rows. */
export async function buildSource(actor: Actor, overrides: Partial<TImportSourceRequest> = {}) {
  const marker = unique("zq").replace(/-/g, "");
  return importSourceDocument({
    actor,
    input: {
      title: unique("Source"),
      kind: "transcript",
      primary: true,
      text: `PRESIDENT BUSH: We talked about ${marker} today.\n\nPRESIDENT PUTIN: I agree about ${marker}.\n\nQ: A closing question?`,
      ...overrides,
    },
  });
}

/** Evidence linking a new claim to [start, end) of a document, through the passage holding it. */
export async function buildEvidence(actor: Actor, documentId: string, start: number, end: number) {
  const { prisma } = await import("@/lib/db");
  const { buildArticle } = await import("@/test/support/factories");
  const document = await prisma.sourceDocument.findUniqueOrThrow({
    where: { id: documentId },
    include: { passages: true },
  });
  const passage = document.passages.find((p) => p.start <= start && end <= p.end);
  if (!passage) throw new Error(`no passage holds ${start}-${end}`);
  const article = await buildArticle({ createdBy: actor });
  const claim = await prisma.claim.create({
    data: {
      articleId: article.id,
      kind: "quote",
      exact: "I am concerned about Pakistan.",
      start: 0,
      end: 10,
      createdById: actor.id,
    },
  });
  return prisma.evidence.create({
    data: {
      claimId: claim.id,
      passageId: passage.id,
      relation: "supports",
      exact: document.text.slice(start, end),
      start,
      end,
      createdById: actor.id,
    },
  });
}

/**
 * The planner's statistics on passages, fresh (as autovacuum leaves them soon after an import),
 * and search's cached copy of them dropped, so the next search reads which words are common anew.
 */
export async function analyzePassages(): Promise<void> {
  const { prisma } = await import("@/lib/db");
  const { forgetStatistics } = await import("@/lib/services/search/search-statistics");
  await prisma.$executeRawUnsafe("ANALYZE passages");
  forgetStatistics();
}
