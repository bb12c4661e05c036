import "server-only";
import { revalidatePath } from "next/cache";

/**
 * The reader's pages are static (rendered once from the snapshot, then served from cache); a
 * publish, an update or an unpublish re-renders the pages it changes on their next visit.
 */
export function revalidateReader({ articleId, sourceSlugs }: { articleId: string; sourceSlugs: string[] }) {
  revalidatePath(`/read/${articleId}`);
  revalidatePath("/read/feed.xml");
  revalidatePath("/");
  for (const slug of sourceSlugs) revalidatePath(`/read/sources/${slug}`);
}
