import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { CitedPassage } from "@/components/reader/cited-passage";
import { SourceMeta } from "@/components/reader/source-meta";
import { VerdictBadge } from "@/components/reader/verdict-badge";
import { AppError } from "@/lib/errors";
import { textProblem } from "@/lib/schemas/common";
import { getPublishedSource } from "@/lib/services/publishing/get-published-source";

// Static like the article pages, revalidated when an article citing this source is published.
export const dynamicParams = true;
export const revalidate = false;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

const decoded = (slug: string) => {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
};

const load = cache(async (raw: string) => {
  const slug = decoded(raw);
  // A slug with a character no slug holds (NUL, a lone surrogate) names nothing: 404, no query.
  if (slug.length > 200 || textProblem(slug)) notFound();
  return getPublishedSource({ slug }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { source, citations } = await load((await params).slug);
  const description = `A source cited by ${citations.length} published ${citations.length === 1 ? "claim" : "claims"}, with its reliability note and the cited passages.`;
  return {
    title: `Source: ${source.title}`,
    description,
    openGraph: { title: `Source: ${source.title}`, description },
  };
}

export default async function ReadSourcePage({ params }: Props) {
  const { source, citations } = await load((await params).slug);
  return (
    <>
      <AppHeader actor={null} />
      <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:py-8">
        <header>
          <p className="text-sm font-semibold tracking-wide text-blue-800 uppercase">Cited source</p>
          <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{source.title}</h1>
        </header>
        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <SourceMeta source={source} titleLink={false} />
        </div>
        <section aria-labelledby="citations-heading">
          <h2 id="citations-heading" className="text-xl font-bold">
            Cited in published fact-checks
          </h2>
          <ul className="mt-3 space-y-4">
            {citations.map(({ articleId, articleTitle, claim, evidence }) => (
              <li key={`${articleId}-${claim.id}`} className="rounded-lg border border-stone-200 bg-white p-4">
                <p className="text-sm text-stone-700">
                  In{" "}
                  <Link href={`/read/${articleId}`} className="text-blue-800 underline">
                    {articleTitle}
                  </Link>
                </p>
                <p className="mt-1 font-serif text-lg">
                  <Link href={`/read/${articleId}#claim-${claim.id}`} className="text-blue-900 underline">
                    “{claim.exact}”
                  </Link>
                  {claim.speaker && <span className="font-sans text-sm text-stone-700"> — {claim.speaker}</span>}
                </p>
                <p className="mt-1">
                  <VerdictBadge verdict={claim.verdict} />
                </p>
                {evidence.map((e) => (
                  <CitedPassage key={e.id} evidence={e} />
                ))}
              </li>
            ))}
          </ul>
        </section>
      </main>
    </>
  );
}
