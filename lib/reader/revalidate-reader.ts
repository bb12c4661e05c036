import "server-only";
import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { logger } from "@/lib/observability/logger";
import { noteReaderLsn, READER_CHANNEL } from "@/lib/reader/reader-cache-state";

/**
 * The reader's pages are static (rendered once from the snapshot, then served from cache); a
 * publish, an update or an unpublish re-renders the pages it changes on their next visit, on
 * every instance: revalidatePath expires this process's copy, and a NOTIFY on PostgreSQL tells
 * the others (lib/reader/cache-handler.mjs listens), before the API answers. The NOTIFY carries
 * the primary's WAL position, so no instance renders the change from a replica that has not
 * replayed it yet (lib/db.ts, readFromFreshReplica). Decision 0008.
 */
export async function revalidateReader({
  articleId,
  sourceSlugs,
}: {
  articleId: string;
  sourceSlugs: string[];
}): Promise<void> {
  const paths = [`/read/${articleId}`, "/read/feed.xml", "/", ...sourceSlugs.map((slug) => `/read/sources/${slug}`)];
  for (const path of paths) revalidatePath(path);
  try {
    const [row] = await prisma.$queryRaw<{ lsn: string }[]>`
      WITH at AS (SELECT pg_current_wal_insert_lsn()::text AS lsn)
      SELECT lsn, pg_notify(${READER_CHANNEL}, json_build_object('paths', ${paths}::text[], 'lsn', lsn)::text) FROM at`;
    if (row) noteReaderLsn(row.lsn);
  } catch (err) {
    // The snapshot is committed; other instances expire every page when their listener reconnects.
    logger().warn(
      { err },
      "could not tell the other instances about a publish; their reader pages refresh when they reconnect",
    );
  }
}
