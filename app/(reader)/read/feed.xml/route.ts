import { buildAtomFeed } from "@/lib/export/atom-feed";
import { organizationFromEnv, publicBaseUrl } from "@/lib/reader/site";
import { listPublishedArticles } from "@/lib/services/publishing/list-published-articles";

// Rendered per request (one small query): a static feed would need the database at build time.
export const dynamic = "force-dynamic";

export async function GET() {
  const base = publicBaseUrl();
  const articles = await listPublishedArticles({ limit: 50 });
  const xml = buildAtomFeed({
    title: `${organizationFromEnv().name}: published fact-checks`,
    selfUrl: `${base}/read/feed.xml`,
    siteUrl: `${base}/`,
    entries: articles.map((a) => ({
      id: `${base}/read/${a.articleId}`,
      title: `Fact-check: ${a.title}`,
      url: `${base}/read/${a.articleId}`,
      published: a.firstPublishedAt,
      updated: a.updatedAt,
      summary: `${a.claimCount} ${a.claimCount === 1 ? "claim" : "claims"} checked${a.outlet ? ` in ${a.outlet}` : ""}.`,
    })),
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
}
