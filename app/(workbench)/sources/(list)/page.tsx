import type { Metadata } from "next";
import Link from "next/link";
import { SearchForm } from "@/components/sources/search-form";
import { SearchResults } from "@/components/sources/search-results";
import { SourceList } from "@/components/sources/source-list";
import { buttonClass } from "@/components/ui/styles";
import { can } from "@/lib/auth/policies";
import { requireActor } from "@/lib/auth/session";
import { ZSearchRequest } from "@/lib/schemas/sources";
import { listSpeakers } from "@/lib/services/search/list-speakers";
import { searchPassages, type SearchPage } from "@/lib/services/search/search-passages";
import { listSources } from "@/lib/services/sources/list-sources";

export const metadata: Metadata = { title: "Sources" };

type Params = Record<string, string | string[] | undefined>;
const FIELDS = ["q", "document", "speaker", "kind", "primaryOnly", "from", "to", "page"] as const;

export default async function SourcesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const query = new URLSearchParams();
  for (const field of FIELDS) {
    const value = params[field];
    if (typeof value === "string" && value !== "") query.set(field, value);
  }
  const actor = await requireActor(`/sources${query.size ? `?${query}` : ""}`);
  const [sources, speakers] = await Promise.all([listSources({ actor }), listSpeakers({ actor })]);
  const raw = Object.fromEntries(query);

  let page: SearchPage | null = null;
  let problem: string | null = null;
  if (raw.q !== undefined) {
    const parsed = ZSearchRequest.safeParse(raw);
    if (parsed.success) page = await searchPassages({ actor, input: parsed.data });
    else problem = parsed.error.issues[0]?.message ?? "That search is not valid.";
  }
  const pageHref = (n: number) => {
    const next = new URLSearchParams(query);
    next.set("page", String(n));
    return `/sources?${next}`;
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Sources</h1>
        {can(actor, "source:import") && (
          <Link href="/sources/import" className={buttonClass}>
            Import a source
          </Link>
        )}
      </div>
      <SearchForm values={{ ...raw, primaryOnly: raw.primaryOnly === "1" }} documents={sources} speakers={speakers} />
      {problem && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {problem}
        </p>
      )}
      {page ? (
        <SearchResults page={page} pageHref={pageHref} />
      ) : (
        <section aria-labelledby="all-sources-heading" className="space-y-3">
          <h2 id="all-sources-heading" className="text-lg font-semibold">
            All sources
          </h2>
          <SourceList sources={sources} canImport={can(actor, "source:import")} />
        </section>
      )}
    </div>
  );
}
