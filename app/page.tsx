import Link from "next/link";
import { AppHeader } from "@/components/layout/app-header";
import { getActor } from "@/lib/auth/session";
import { listArticles } from "@/lib/services/articles/list-articles";

export const dynamic = "force-dynamic";

// The public front page: published fact-checks, open to everyone.
export default async function HomePage() {
  const actor = await getActor();
  const articles = await listArticles({ actor: null });
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">Published fact-checks</h1>
        <p className="mt-2 text-stone-700">Every checked claim is marked in the text, with its verdict and the source passage it rests on.</p>
        {articles.length === 0 ? (
          <p className="mt-8 rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">Nothing is published yet.</p>
        ) : (
          <ul className="mt-6 space-y-3">
            {articles.map((a) => (
              <li key={a.id}>
                <Link href={`/read/${a.id}`} className="text-lg font-semibold text-blue-800 underline">
                  {a.title}
                </Link>
                <p className="text-sm text-stone-700">{[a.outlet, a.byline].filter(Boolean).join(" · ")}</p>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
