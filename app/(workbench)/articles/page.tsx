import type { Metadata } from "next";
import Link from "next/link";
import { StateBadge } from "@/components/ui/state-badge";
import { buttonClass } from "@/components/ui/styles";
import { can } from "@/lib/auth/policies";
import { requireActor } from "@/lib/auth/session";
import { listArticles } from "@/lib/services/articles/list-articles";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage() {
  const actor = await requireActor("/articles");
  const articles = await listArticles({ actor });
  return (
    <section aria-labelledby="articles-heading">
      <div className="mb-4 flex items-center justify-between">
        <h1 id="articles-heading" className="text-2xl font-bold">
          Articles
        </h1>
        {can(actor, "article:create") && (
          <Link href="/articles/new" className={buttonClass}>
            Import an article
          </Link>
        )}
      </div>
      {articles.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-stone-700">
          <p className="font-medium">No articles yet.</p>
          <p className="text-sm">
            {can(actor, "article:create")
              ? "Import one to start marking its claims."
              : "Editors import articles; they will show here."}
          </p>
        </div>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Articles">
          {articles.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-3 p-4">
              <div className="min-w-0 flex-1">
                <Link
                  href={`/articles/${a.id}`}
                  className="font-semibold text-blue-800 underline-offset-2 hover:underline wrap-anywhere"
                >
                  {a.title}
                </Link>
                <p className="text-sm text-stone-700">
                  {[
                    a.outlet,
                    a.byline,
                    a.publishedAt && new Date(a.publishedAt).toLocaleDateString("en-GB", { dateStyle: "medium" }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              </div>
              <span className="text-sm text-stone-700">
                {a.claimCount} {a.claimCount === 1 ? "claim" : "claims"}
              </span>
              <StateBadge state={a.state} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
