import type { Snippet as SnippetData } from "@/lib/text/search/search-highlight";

/** A search snippet: matched words in <mark>, everything as text (never raw HTML). */
export function Snippet({ snippet }: { snippet: SnippetData }) {
  return (
    <p className="whitespace-pre-line text-sm leading-relaxed text-stone-800 wrap-anywhere">
      {snippet.truncatedStart && "… "}
      {snippet.segments.map((segment, i) =>
        segment.hit ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-stone-950">
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
      {snippet.truncatedEnd && " …"}
    </p>
  );
}
