// How bench:sources fills its database and warms it: the generated corpus imported through the
// real import path or in bulk (see sources.ts), search's tables read into memory, and the
// import's aftermath cleared before timing. bench:quotes imports the same corpus with realImport.
import type { Actor } from "../../lib/auth/policies.ts";
import type { GeneratedDocument } from "./corpus.ts";

/**
 * Reads search's tables and their indexes into the OS cache, then into PostgreSQL's buffers as far
 * as they hold them (all of 100,000 passages in the embedded server's); returns the pages read.
 */
export async function prewarmSearch(prisma: { $queryRawUnsafe<T>(sql: string): Promise<T> }): Promise<number> {
  await prisma.$queryRawUnsafe("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
  // Each relation read into the OS cache, then into PostgreSQL's buffers; the pages read once.
  const [row] = await prisma.$queryRawUnsafe<{ pages: bigint }[]>(`
    WITH search AS (
      SELECT c.oid FROM pg_class c
      WHERE c.relname IN ('passages', 'source_documents', 'search_lexemes', 'search_lexeme_deletions')
         OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN ('passages'::regclass, 'source_documents'::regclass, 'search_lexeme_deletions'::regclass))
         OR c.oid = (SELECT reltoastrelid FROM pg_class WHERE relname = 'passages'))
    SELECT sum(pg_prewarm(oid, 'read'))::bigint AS pages, sum(pg_prewarm(oid, 'buffer'))::bigint AS buffered FROM search`);
  return Number(row?.pages ?? 0);
}

/** Two imports at a time: one per core, as two editors importing at once. Returns characters imported. */
export async function realImport(documents: GeneratedDocument[], actor: Actor): Promise<number> {
  const { importSourceDocument } = await import("../../lib/services/sources/import-source-document.ts");
  let chars = 0;
  const queue = [...documents];
  await Promise.all(
    [0, 1].map(async () => {
      for (let doc = queue.shift(); doc; doc = queue.shift()) {
        await importSourceDocument({ actor, input: { ...doc, onDuplicate: "new_version" } });
        chars += doc.text.length;
      }
    }),
  );
  return chars;
}

/**
 * The same rows as importSourceDocument, built by the same functions, for corpora too big to
 * import one transaction at a time (see the top of this file).
 */
export async function bulkImport(documents: GeneratedDocument[], userId: string): Promise<number> {
  const { prisma } = await import("../../lib/db.ts");
  const { contentHash } = await import("../../lib/services/sources/import-source-document.ts");
  const { searchTextFor } = await import("../../lib/services/sources/search-text.ts");
  const { segmentDocument } = await import("../../lib/text/segmentation/segment.ts");
  const indexes = await prisma.$queryRaw<{ name: string; definition: string }[]>`
    SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'passages' AND indexdef ILIKE '%USING gin%'`;
  for (const index of indexes) await prisma.$executeRawUnsafe(`DROP INDEX "${index.name}"`);
  let chars = 0;
  const queue = documents.map((doc, i) => ({ doc, i }));
  await Promise.all(
    [0, 1].map(async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const { doc, i } = item;
        const document = await prisma.sourceDocument.create({
          data: {
            slug: `generated-${i + 1}`,
            title: doc.title,
            kind: doc.kind,
            primary: doc.primary,
            date: new Date(`${doc.date}T00:00:00Z`),
            text: doc.text,
            contentHash: contentHash(doc.text),
            createdById: userId,
          },
        });
        const rows = segmentDocument(doc.text).map((p) => {
          const text = doc.text.slice(p.start, p.end);
          return {
            documentId: document.id,
            ordinal: p.ordinal,
            speaker: p.speaker,
            start: p.start,
            end: p.end,
            text,
            searchText: searchTextFor(text),
          };
        });
        await prisma.passage.createMany({ data: rows });
        chars += doc.text.length;
        if ((i + 1) % 200 === 0) console.log(`  ${(i + 1).toLocaleString("en")} documents`);
      }
    }),
  );
  console.log(`  rebuilding ${indexes.map((i) => i.name).join(", ")}…`);
  await prisma.$executeRawUnsafe("SET maintenance_work_mem = '256MB'");
  for (const index of indexes) await prisma.$executeRawUnsafe(index.definition);
  return chars;
}

/**
 * Clears what this process's own import leaves behind, so the searches timed next are not slowed
 * by it. Above all PostgreSQL writes the import's dirty pages now (CHECKPOINT): the embedded
 * server keeps up to 1 GB of them in its buffers, and its checkpointer wrote them out in the
 * background during the timed searches. Node also collects the import's garbage now (175 of
 * 277 MB of heap), not in marking steps between searches. Measured on this 2-core machine, one
 * fresh import each, embedded PostgreSQL 18: p50 6.2 ms with neither, 3.4 ms after the
 * CHECKPOINT alone, 3.7 ms after both; on the PostgreSQL 15 server: 6.1 ms with neither, 4.5 ms
 * after the CHECKPOINT, 4.2 ms after the collection, 3.5–4.3 ms with --reuse (no import before).
 * The collection needs node's --expose-gc, which `npm run bench:sources` passes.
 */
export async function settleAfterImport(db: { $executeRawUnsafe: (sql: string) => Promise<unknown> }) {
  try {
    await db.$executeRawUnsafe("CHECKPOINT");
  } catch (error) {
    console.log(`no CHECKPOINT before timing (${(error as Error).message.split("\n")[0]})`);
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  else console.log("no garbage collection before timing: run with node --expose-gc (npm run bench:sources does)");
}
