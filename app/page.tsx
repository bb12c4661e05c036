import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/layout/app-header";
import { getActor } from "@/lib/auth/session";
import { listPublishedArticles } from "@/lib/services/publishing/list-published-articles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  alternates: { types: { "application/atom+xml": [{ url: "/read/feed.xml", title: "Published fact-checks" }] } },
};

const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" });

// The public front page: published fact-checks, open to everyone.
export default async function HomePage() {
  const actor = await getActor();
  // Newest first, read from published snapshots only.
  const articles = await listPublishedArticles();
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">Published fact-checks</h1>
        <p className="mt-2 text-stone-700">
          Every checked claim is marked in the text, with its verdict and the source passage it rests on.
        </p>
        {articles.length === 0 ? (
          <p className="mt-8 rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
            Nothing is published yet.
          </p>
        ) : (
          <ul className="mt-6 space-y-3">
            {articles.map((a) => (
              <li key={a.articleId}>
                <Link
                  href={`/read/${a.articleId}`}
                  className="text-lg font-semibold text-blue-800 underline wrap-anywhere"
                >
                  {a.title}
                </Link>
                <p className="text-sm text-stone-700">
                  {[
                    a.outlet,
                    a.byline,
                    `${a.claimCount} ${a.claimCount === 1 ? "claim" : "claims"} checked`,
                    `published ${day(a.firstPublishedAt)}`,
                    a.number > 1 ? `updated ${day(a.updatedAt)}` : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-8 text-sm">
          <a href="/read/feed.xml" className="text-blue-800 underline">
            Atom feed of published fact-checks
          </a>
        </p>
      </main>
    </>
  );
}
