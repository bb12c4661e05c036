import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PassageList } from "@/components/sources/passage-list";
import { SourceHeader } from "@/components/sources/source-header";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { can } from "@/lib/auth/policies";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { MAX_QUERY_CHARS } from "@/lib/schemas/sources";
import { getSource, PASSAGE_WINDOW } from "@/lib/services/sources/get-source";
import { PassageWindowNav } from "@/components/sources/passage-window-nav";

/** One read of the source (the window the address asks for) per request, shared by the page and its title. */
const loadSource = cache(async (slug: string, passage: string | undefined, from: string | undefined) => {
  const actor = await requireActor(`/sources/${encodeURIComponent(slug)}`);
  const window = { around: passage, from: from !== undefined && /^\d{1,6}$/.test(from) ? Number(from) : 0 };
  const source = await getSource({ actor, slugOrId: decodeURIComponent(slug), window }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return { actor, source };
});

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}): Promise<Metadata> {
  const { passage, from } = await searchParams;
  const { source } = await loadSource((await params).slug, one(passage), one(from));
  return { title: `Source: ${source.title}` };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function SourcePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const { passage, from, q } = await searchParams;
  const { actor, source } = await loadSource(slug, one(passage), one(from));
  return (
    <article className="space-y-6">
      <SourceHeader source={source} />
      <form
        role="search"
        action="/sources"
        method="get"
        aria-label="Search this source"
        className="flex max-w-xl gap-2"
      >
        <input type="hidden" name="document" value={source.slug} />
        <label htmlFor="source-search" className="sr-only">
          Search this source
        </label>
        <input id="source-search" name="q" type="search" placeholder="Search this source" className={inputClass} />
        <button type="submit" className={buttonClass}>
          Search
        </button>
      </form>
      <section aria-labelledby="passages-heading" className="space-y-3">
        <h2 id="passages-heading" className="text-lg font-semibold">
          {source.passageCount} {source.passageCount === 1 ? "passage" : "passages"}
        </h2>
        <PassageWindowNav
          slug={source.slug}
          start={source.windowStart}
          shown={source.passages.length}
          total={source.passageCount}
          size={PASSAGE_WINDOW}
          label="Passage pages"
        />
        <PassageList
          source={source}
          canEdit={can(actor, "source:edit")}
          highlight={
            typeof passage === "string" && typeof q === "string" && q.length <= MAX_QUERY_CHARS
              ? { passageId: passage, query: q }
              : undefined
          }
        />
        <PassageWindowNav
          slug={source.slug}
          start={source.windowStart}
          shown={source.passages.length}
          total={source.passageCount}
          size={PASSAGE_WINDOW}
          label="Passage pages, bottom"
        />
      </section>
    </article>
  );
}
