import Link from "next/link";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { KIND_LABELS } from "@/components/sources/labels";
import { MAX_QUERY_CHARS, SOURCE_KINDS } from "@/lib/schemas/sources";

export type SearchFormValues = {
  q?: string;
  document?: string;
  speaker?: string;
  kind?: string;
  primaryOnly?: boolean;
  from?: string;
  to?: string;
};

/** A plain GET form: works without JavaScript, and every search has a link to share. */
export function SearchForm({
  values,
  documents,
  speakers,
}: {
  values: SearchFormValues;
  documents: { slug: string; title: string }[];
  speakers: string[];
}) {
  return (
    <form
      role="search"
      action="/sources"
      method="get"
      aria-label="Search passages"
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
    >
      <div>
        <label htmlFor="search-q" className={labelClass}>
          Search all passages
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={values.q}
            maxLength={MAX_QUERY_CHARS}
            className={inputClass}
            placeholder="e.g. a junta with nuclear weapons"
            aria-describedby="search-help"
          />
          <button type="submit" className={buttonClass}>
            Search
          </button>
        </div>
        <p id="search-help" className="mt-1 text-xs text-stone-600">
          Finds exact phrases first, then the same words in any form or spelling, then near matches through OCR noise.
          Put the words in quotation marks for the exact phrase only.
        </p>
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <legend className="sr-only">Filters</legend>
        <div className="sm:col-span-2">
          <label htmlFor="search-document" className={labelClass}>
            Document
          </label>
          <select
            id="search-document"
            name="document"
            defaultValue={values.document ?? ""}
            className={`${inputClass} mt-1`}
          >
            <option value="">All sources</option>
            {documents.map((d) => (
              <option key={d.slug} value={d.slug}>
                {d.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="search-speaker" className={labelClass}>
            Speaker
          </label>
          <input
            id="search-speaker"
            name="speaker"
            list="search-speakers"
            defaultValue={values.speaker}
            className={`${inputClass} mt-1`}
          />
          <datalist id="search-speakers">
            {speakers.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
        <div>
          <label htmlFor="search-kind" className={labelClass}>
            Kind
          </label>
          <select id="search-kind" name="kind" defaultValue={values.kind ?? ""} className={`${inputClass} mt-1`}>
            <option value="">Any kind</option>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="search-from" className={labelClass}>
            From
          </label>
          <input id="search-from" name="from" type="date" defaultValue={values.from} className={`${inputClass} mt-1`} />
        </div>
        <div>
          <label htmlFor="search-to" className={labelClass}>
            To
          </label>
          <input id="search-to" name="to" type="date" defaultValue={values.to} className={`${inputClass} mt-1`} />
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" name="primaryOnly" value="1" defaultChecked={values.primaryOnly} />
          Primary sources only
        </label>
        <Link href="/sources" className={secondaryButtonClass}>
          Clear
        </Link>
      </div>
    </form>
  );
}
