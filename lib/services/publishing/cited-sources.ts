import "server-only";

/** The slugs of the sources a published snapshot cites: their reader pages list the article. */
export function citedSourceSlugs(snapshotContent: unknown): string[] {
  const content = snapshotContent as { sources?: { slug: string }[] } | null | undefined;
  return (content?.sources ?? []).map((s) => s.slug);
}
