"use client";

import { useEffect, useState } from "react";
import { callApi } from "@/components/editor/api-client";
import { Snippet } from "@/components/sources/snippet";
import type { Snippet as SnippetData } from "@/lib/text/search/search-highlight";

type Suggestion = {
  passageId: string;
  speaker: string | null;
  match: "exact" | "stemmed" | "fuzzy";
  snippet: SnippetData;
  href: string;
  document: { title: string; primary: boolean; date: string | null; reliabilityNote: string };
};

const MATCH_LABEL = { exact: "Exact words", stemmed: "Same words, other forms", fuzzy: "Similar wording" } as const;

type State =
  { status: "loading" } | { status: "failed"; message: string } | { status: "done"; suggestions: Suggestion[] };

/** Passages across all sources that may hold the claim's words, best first. */
export function ClaimSuggestions({ text, onCite }: { text: string; onCite?: (passageId: string) => void }) {
  const [state, setState] = useState<State>({ status: "loading" });
  useEffect(() => {
    let live = true;
    void callApi<{ suggestions: Suggestion[] }>("/api/v1/search/suggestions", {
      method: "POST",
      body: { text: text.slice(0, 1000), limit: 5 },
    }).then((result) => {
      if (!live) return;
      setState(
        result.ok
          ? { status: "done", suggestions: result.data.suggestions }
          : { status: "failed", message: result.message },
      );
    });
    return () => {
      live = false;
    };
  }, [text]);

  return (
    <section aria-labelledby="suggestions-heading" aria-busy={state.status === "loading"} className="space-y-2">
      <h3 id="suggestions-heading" className="text-sm font-semibold">
        Suggested sources
      </h3>
      {state.status === "loading" && (
        <p role="status" className="text-sm text-stone-700">
          Looking for passages with these words…
        </p>
      )}
      {state.status === "failed" && (
        <p role="alert" className="text-sm text-red-800">
          {state.message}
        </p>
      )}
      {state.status === "done" && state.suggestions.length === 0 && (
        <p className="text-sm text-stone-700">
          No source passage has these words. Import the source, or search by hand.
        </p>
      )}
      {state.status === "done" && state.suggestions.length > 0 && (
        <ol aria-label="Suggested passages, best first" className="space-y-2">
          {state.suggestions.map((s) => (
            <li key={s.passageId} className="rounded border border-stone-200 p-2">
              <a href={s.href} className="text-sm font-medium text-blue-800 underline">
                {s.document.title}
              </a>
              <p className="text-xs text-stone-700">
                {[MATCH_LABEL[s.match], s.speaker, s.document.date, s.document.primary ? "primary" : "secondary"]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              <Snippet snippet={s.snippet} />
              {s.document.reliabilityNote && (
                <p className="mt-1 text-xs text-amber-900">Note: {s.document.reliabilityNote}</p>
              )}
              {onCite && (
                <button
                  type="button"
                  className="mt-1 text-sm font-medium text-blue-800 underline"
                  onClick={() => onCite(s.passageId)}
                >
                  Cite words from this passage<span className="sr-only">: {s.document.title}</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
