import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { ArticleWorkbench } from "@/components/editor/article-workbench";
import type { EditorArticle } from "@/components/editor/types";
import { PublishPanel } from "@/components/publishing/publish-panel";
import { StateBadge } from "@/components/ui/state-badge";
import { can } from "@/lib/auth/policies";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getArticle } from "@/lib/services/articles/get-article";
import { listClaims } from "@/lib/services/claims/list-claims";
import { listVerdicts } from "@/lib/services/claims/list-verdicts";

/** One read of the article per request, shared by the page and its title. */
const loadArticle = cache(async (id: string) => {
  const actor = await requireActor(`/articles/${id}`);
  const article = await getArticle({ actor, articleId: id }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return { actor, article };
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { article } = await loadArticle((await params).id);
  return { title: `Edit: ${article.title}` };
}

// Only what the editor uses crosses to the browser: a long article's plain text (bodyText) would
// otherwise travel beside its body in the page's payload.
const editorArticle = ({
  id,
  title,
  outlet,
  byline,
  dateline,
  publishedAt,
  canonicalUrl,
  version,
  body,
}: EditorArticle): EditorArticle => ({ id, title, outlet, byline, dateline, publishedAt, canonicalUrl, version, body });

export default async function ArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ claim?: string | string[] }>;
}) {
  const { id } = await params;
  // ?claim= opens that claim's panel (links from mentions and the review queue).
  const { claim } = await searchParams;
  const { actor, article } = await loadArticle(id);
  const [claims, verdicts] = await Promise.all([
    listClaims({ actor, articleId: id }),
    listVerdicts({ includeArchived: true }),
  ]);
  return (
    <div className="space-y-3">
      <p className="flex items-center gap-2 text-sm text-stone-700">
        <StateBadge state={article.state} />
        {can(actor, "claim:create") && (
          <Link href={`/articles/${id}/check-quotes`} className="ml-auto font-medium text-blue-800 underline">
            Check quotes
          </Link>
        )}
      </p>
      <div className="flex justify-end">
        <PublishPanel articleId={article.id} canPublish={can(actor, "article:publish")} />
      </div>
      <h1 className="sr-only">Edit article: {article.title}</h1>
      <ArticleWorkbench
        article={editorArticle(article)}
        claims={claims}
        verdicts={verdicts}
        canEdit={can(actor, "article:update")}
        initialClaimId={typeof claim === "string" ? claim : null}
      />
    </div>
  );
}
