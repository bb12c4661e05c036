import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { ArticleBody } from "@/components/reader/article-body";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getPublishedArticle } from "@/lib/services/articles/get-published-article";

export const metadata: Metadata = { title: "Fact-check" };

// Readers always see the public view, even when signed in: what a reader sees is what is published.
export default async function ReadArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  const { article } = await getPublishedArticle({ articleId: id }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <article>
          <header className="mb-6">
            <h1 className="text-3xl font-bold">{article.title}</h1>
            <p className="mt-1 text-stone-700">{[article.outlet, article.byline, article.dateline].filter(Boolean).join(" · ")}</p>
          </header>
          <ArticleBody body={article.body} />
        </article>
      </main>
    </>
  );
}
