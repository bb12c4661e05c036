import Link from "next/link";
import { formatDate, KIND_LABELS, MATCH_LABELS } from "@/components/sources/labels";
import { ReliabilityNote } from "@/components/sources/reliability-note";
import { Snippet } from "@/components/sources/snippet";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { SearchPage } from "@/lib/services/search/search-passages";

const MATCH_STYLE = {
  exact: "bg-green-100 text-green-900",
  stemmed: "bg-blue-100 text-blue-900",
  fuzzy: "bg-stone-200 text-stone-900",
} as const;

export function SearchResults({ page, pageHref }: { page: SearchPage; pageHref: (page: number) => string }) {
  const { results } = page;
  return (
    <section aria-labelledby="results-heading" className="space-y-3">
      <h2 id="results-heading" className="text-lg font-semibold" aria-live="polite">
        {results.length === 0
          ? `No passages match “${page.query}”`
          : `Passages matching “${page.query}”${page.page > 1 ? `, page ${page.page}` : ""}`}
      </h2>
      {results.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-700">
          <p>Try fewer words, another spelling, or remove a filter. Quotation marks ask for the exact phrase only.</p>
        </div>
      ) : (
        <p className="text-sm text-stone-700">
          The exact words first, then the same words in other forms, then near matches such as OCR noise. Several words
          rank by how close together they stand; a single word lists the newest source first.
        </p>
      )}
      {results.length > 0 && (
        <ol className="space-y-3" aria-label="Search results">
          {results.map((r) => (
            <li key={r.passageId} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                {/* A full page load, so the browser scrolls to the passage and :target highlights it. */}
                <a
                  href={r.href}
                  className="font-semibold text-blue-800 underline-offset-2 hover:underline wrap-anywhere"
                >
                  {r.document.title}
                </a>
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${MATCH_STYLE[r.match]}`}>
                  {MATCH_LABELS[r.match]}
                </span>
              </div>
              <p className="mt-1 text-xs text-stone-700">
                {[
                  r.speaker ?? "No speaker",
                  `passage ${r.ordinal + 1}`,
                  formatDate(r.document.date),
                  KIND_LABELS[r.document.kind],
                  r.document.primary ? "primary" : "secondary",
                ].join(" · ")}
              </p>
              <div className="mt-2">
                <Snippet snippet={r.snippet} />
              </div>
              <ReliabilityNote note={r.document.reliabilityNote} compact />
            </li>
          ))}
        </ol>
      )}
      {(page.page > 1 || page.hasMore) && (
        <nav aria-label="Result pages" className="flex gap-3">
          {page.page > 1 && (
            <Link href={pageHref(page.page - 1)} className={secondaryButtonClass}>
              Previous page
            </Link>
          )}
          {page.hasMore && (
            <Link href={pageHref(page.page + 1)} className={secondaryButtonClass}>
              Next page
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
