import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { ArticleBody } from "@/components/reader/article-body";
import { ClaimPanel } from "@/components/reader/claim-panel";
import { SourceMeta } from "@/components/reader/source-meta";
import { VerdictLegend } from "@/components/reader/verdict-badge";
import { buildClaimReviews, jsonLdScript } from "@/lib/export/claim-review";
import { AppError } from "@/lib/errors";
import { textProblem } from "@/lib/schemas/common";
import { organizationFromEnv, publicBaseUrl } from "@/lib/reader/site";
import { getPublishedArticle } from "@/lib/services/articles/get-published-article";
import type { SnapshotVerdict } from "@/lib/services/publishing/snapshot-content";

// Static, rendered once per snapshot and served from the cache: publishing, an update and
// unpublishing revalidate it (lib/reader/revalidate-reader.ts). Nothing here reads cookies or
// headers, so a visitor's sign-in state cannot make the page dynamic; the header is the
// signed-out one for everybody, since what a reader sees is what is published.
export const dynamicParams = true;
export const revalidate = false;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  // An id with a character no id holds (NUL, a lone surrogate) names nothing: 404, no query.
  if (id.length > 64 || textProblem(id)) notFound();
  return getPublishedArticle({ articleId: id }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
});

const longDate = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { dateStyle: "long", timeZone: "UTC" });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const snapshot = await load((await params).id);
  const n = snapshot.content.claims.length;
  const title = `Fact-check: ${snapshot.title}`;
  const description = `${n} ${n === 1 ? "claim" : "claims"} checked against the sources, each with its verdict and the source passage it rests on.`;
  return {
    title,
    description,
    openGraph: {
      title,
      description,
      type: "article",
      publishedTime: snapshot.firstPublishedAt,
      modifiedTime: snapshot.publishedAt,
    },
    twitter: { card: "summary", title, description },
  };
}

export default async function ReadArticlePage({ params }: Props) {
  const { id } = await params;
  const snapshot = await load(id);
  const { claims, sources, article: meta } = snapshot.content;
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const verdicts = [
    ...new Map(
      claims.flatMap((c) => (c.verdict ? [[c.verdict.key, c.verdict] as [string, SnapshotVerdict]] : [])),
    ).values(),
  ].sort((a, b) => b.rating - a.rating);
  const articleUrl = `${publicBaseUrl()}/read/${id}`;
  const claimReviews = buildClaimReviews(snapshot, { articleUrl, organization: organizationFromEnv() });
  return (
    <>
      <AppHeader actor={null} />
      <main id="main" className="mx-auto max-w-3xl space-y-8 px-4 py-6 sm:py-8">
        <article aria-labelledby="article-title">
          <header className="mb-6">
            <p className="text-sm font-semibold tracking-wide text-blue-800 uppercase">Fact-check</p>
            <h1 id="article-title" className="mt-1 text-2xl font-bold sm:text-3xl">
              {snapshot.title}
            </h1>
            <p className="mt-1 text-stone-700">
              {[meta.outlet, meta.byline, meta.dateline].filter(Boolean).join(" · ")}
            </p>
            {meta.canonicalUrl && (
              <p className="mt-1 text-sm">
                <a href={meta.canonicalUrl} className="text-blue-800 underline" rel="noopener noreferrer nofollow">
                  The article at its publisher
                </a>
              </p>
            )}
            <p className="mt-2 text-sm text-stone-700">
              Fact-check published {longDate(snapshot.firstPublishedAt)}
              {snapshot.number > 1 && `, updated ${longDate(snapshot.publishedAt)}`}. {claims.length}{" "}
              {claims.length === 1 ? "claim" : "claims"} checked:{" "}
              <a href="#claims-heading" className="text-blue-800 underline">
                see them all
              </a>
              .
            </p>
          </header>
          <div className="mb-6">
            <VerdictLegend verdicts={verdicts} />
          </div>
          <ArticleBody body={snapshot.body} claims={claims} />
        </article>

        <section aria-labelledby="claims-heading">
          <h2 id="claims-heading" className="text-xl font-bold">
            Checked claims
          </h2>
          <ol className="mt-3 space-y-4">
            {claims.map((claim, i) => (
              <li key={claim.id}>
                <ClaimPanel claim={claim} n={i + 1} sources={sourceById} />
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="sources-heading">
          <h2 id="sources-heading" className="text-xl font-bold">
            Sources
          </h2>
          <ul className="mt-3 space-y-3">
            {sources.map((s) => (
              <li key={s.id} className="rounded-lg border border-stone-200 bg-white p-3">
                <SourceMeta source={s} />
              </li>
            ))}
          </ul>
        </section>
      </main>
      {/* JSON, not markup: jsonLdScript escapes "<", so no claim text can close the script. */}
      {claimReviews.length > 0 && (
        // eslint-disable-next-line react/no-danger -- the one way to emit JSON-LD (Next.js docs)
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(claimReviews) }} />
      )}
    </>
  );
}
