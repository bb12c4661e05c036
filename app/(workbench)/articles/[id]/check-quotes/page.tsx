import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { QuoteAudit } from "@/components/quote-audit/quote-audit";
import { can } from "@/lib/auth/policies";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getArticle } from "@/lib/services/articles/get-article";

export const metadata: Metadata = { title: "Check quotes" };

export default async function CheckQuotesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/articles/${id}/check-quotes`);
  // The audit proposes claims: whoever may not mark claims is not offered it.
  if (!can(actor, "claim:create")) forbidden();
  const article = await getArticle({ actor, articleId: id }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/articles/${id}`} className="text-blue-800 underline">
          ← Back to the editor
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold">Check quotes</h1>
        <p className="text-stone-700">{article.title}</p>
      </div>
      <p className="max-w-3xl text-sm text-stone-700">
        Every quotation in the article, with the speaker the article gives it and the source passage that comes closest
        to its words. Accept the ones to check as claims; the passage is linked as their evidence.
      </p>
      <QuoteAudit articleId={id} />
    </div>
  );
}
