/**
 * The claim in its sentence: the text before and after a span, out to the ends of the sentences
 * it touches, never past its paragraph (a blank line) and at most `limit` code units each way.
 * Sentence ends come from Intl.Segmenter, which knows more languages and abbreviations than a
 * regular expression would.
 */
export type SentenceContext = { before: string; exact: string; after: string };

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

export function sentenceContext(text: string, start: number, end: number, limit = 400): SentenceContext {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const previousBreak = s >= 2 ? text.lastIndexOf("\n\n", s - 2) : -1;
  const paragraphStart = Math.max(previousBreak < 0 ? 0 : previousBreak + 2, s - limit);
  const nextBreak = text.indexOf("\n\n", e);
  const paragraphEnd = Math.min(nextBreak < 0 ? text.length : nextBreak, e + limit);
  const window = text.slice(paragraphStart, paragraphEnd);
  let from = 0;
  let to = window.length;
  for (const segment of segmenter.segment(window)) {
    const segStart = segment.index;
    const segEnd = segment.index + segment.segment.length;
    if (segEnd <= s - paragraphStart) from = segEnd;
    if (segStart >= e - paragraphStart && to === window.length) to = segStart;
  }
  return {
    before: window.slice(from, s - paragraphStart).trimStart(),
    exact: text.slice(s, e),
    after: window.slice(e - paragraphStart, to).trimEnd(),
  };
}
