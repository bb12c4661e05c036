/** A passage with the cited words marked, as text (never HTML); long passages are cut around the citation. */
export function CitedPassage({
  text,
  start,
  end,
  speaker,
  context = 240,
}: {
  text: string;
  start: number;
  end: number;
  speaker: string | null;
  context?: number;
}) {
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  return (
    <blockquote className="whitespace-pre-wrap border-l-4 border-stone-300 pl-2 font-serif text-sm leading-relaxed text-stone-800 wrap-anywhere">
      {speaker && <span className="mr-1 font-sans text-xs font-semibold uppercase text-stone-600">{speaker}:</span>}
      {from > 0 && "… "}
      {text.slice(from, start)}
      <mark
        className="rounded-sm bg-yellow-200 px-0.5 text-stone-950 underline decoration-yellow-700 decoration-2 underline-offset-2"
        data-testid="cited-words"
      >
        <span className="sr-only">Cited words start: </span>
        {text.slice(start, end)}
        <span className="sr-only"> (cited words end)</span>
      </mark>
      {text.slice(end, to)}
      {to < text.length && " …"}
    </blockquote>
  );
}
