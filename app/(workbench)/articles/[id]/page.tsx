import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/reader/article-body";
import { StateBadge } from "@/components/ui/state-badge";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getArticle } from "@/lib/services/articles/get-article";

export const metadata: Metadata = { title: "Article" };

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/articles/${id}`);
  const article = await getArticle({ actor, articleId: id }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <article>
      <header className="mb-6">
        <div className="flex items-center gap-3">
          <h1 className="text-2xl font-bold">{article.title}</h1>
          <StateBadge state={article.state} />
        </div>
        <p className="mt-1 text-stone-700">{[article.outlet, article.byline, article.dateline].filter(Boolean).join(" · ")}</p>
      </header>
      <ArticleBody body={article.body} />
    </article>
  );
}
