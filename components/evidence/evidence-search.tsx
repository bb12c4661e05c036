"use client";

import { useId, useState } from "react";
import { callApi } from "@/components/editor/api-client";
import { formatDate, MATCH_LABELS } from "@/components/sources/labels";
import { Snippet } from "@/components/sources/snippet";
import { inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import type { Snippet as SnippetData } from "@/lib/text/search/search-highlight";

type Result = {
  passageId: string;
  ordinal: number;
  speaker: string | null;
  match: keyof typeof MATCH_LABELS;
  snippet: SnippetData;
  document: { title: string; primary: boolean; date: string | null };
};
type State =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "failed"; message: string }
  | { status: "done"; query: string; results: Result[] };

/** A search of the whole source library from inside the claim panel, to cite a passage it finds. */
export function EvidenceSearch({
  initialQuery,
  onCite,
}: {
  initialQuery: string;
  onCite: (passageId: string) => void;
}) {
  const [query, setQuery] = useState(initialQuery);
  const [state, setState] = useState<State>({ status: "idle" });
  const id = useId();

  async function search() {
    const q = query.trim();
    if (!q) return;
    setState({ status: "loading" });
    const result = await callApi<{ results: Result[] }>(`/api/v1/search?q=${encodeURIComponent(q)}&pageSize=8`, {
      method: "GET",
    });
    setState(
      result.ok
        ? { status: "done", query: q, results: result.data.results }
        : { status: "failed", message: result.message },
    );
  }

  return (
    <div role="search" aria-label="Search the sources for evidence" className="space-y-2">
      <label htmlFor={`${id}-q`} className={labelClass}>
        Search the sources
      </label>
      <div className="flex gap-2">
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), void search())}
          className={inputClass}
        />
        <button type="button" className={secondaryButtonClass} onClick={() => void search()}>
          Search
        </button>
      </div>
      <div aria-live="polite" aria-busy={state.status === "loading"}>
        {state.status === "loading" && <p className="text-sm text-stone-700">Searching…</p>}
        {state.status === "failed" && <p className="text-sm text-red-800">{state.message}</p>}
        {state.status === "done" && state.results.length === 0 && (
          <p className="text-sm text-stone-700">
            No passage matches “{state.query}”. Try fewer words or another spelling.
          </p>
        )}
        {state.status === "done" && state.results.length > 0 && (
          <ol aria-label="Search results" className="space-y-2">
            {state.results.map((r) => (
              <li key={r.passageId} className="rounded border border-stone-200 bg-white p-2">
                <p className="text-sm font-medium">{r.document.title}</p>
                <p className="text-xs text-stone-700">
                  {[
                    MATCH_LABELS[r.match],
                    r.speaker,
                    `passage ${r.ordinal + 1}`,
                    formatDate(r.document.date),
                    r.document.primary ? "primary" : "secondary",
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                <Snippet snippet={r.snippet} />
                <button
                  type="button"
                  className="mt-1 text-sm font-medium text-blue-800 underline"
                  onClick={() => onCite(r.passageId)}
                >
                  Cite words from this passage<span className="sr-only">: {r.document.title}</span>
                </button>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
