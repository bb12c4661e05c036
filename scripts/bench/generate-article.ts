// A reproducible long article for benchmarks: sentences recombined from the real corpus.
import { readFileSync } from "node:fs";
import path from "node:path";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function corpusWords(): string[] {
  const file = path.resolve(import.meta.dirname, "../../prisma/demo/corpus/sources.json");
  const corpus = JSON.parse(readFileSync(file, "utf8")) as { documents: { text: string }[] };
  return corpus.documents.flatMap((d) => d.text.split(/\s+/)).filter((w) => /\p{L}/u.test(w));
}

/** `words` words in paragraphs of about 100, deterministic for a seed. */
export function generateParagraphs(words: number, seed = 1): string[] {
  const vocabulary = corpusWords();
  const random = rng(seed);
  const paragraphs: string[] = [];
  let left = words;
  while (left > 0) {
    const size = Math.min(left, 80 + Math.floor(random() * 40));
    const chosen = Array.from({ length: size }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
    paragraphs.push(chosen.join(" "));
    left -= size;
  }
  return paragraphs;
}

/** `count` claim ranges of 3–12 words, spread over the text, some nested in others. */
export function generateClaimRanges(text: string, count: number, seed = 2): { start: number; end: number }[] {
  const random = rng(seed);
  const wordStarts = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const ranges: { start: number; end: number }[] = [];
  for (let i = 0; i < count; i++) {
    const first = Math.floor((i / count) * (wordStarts.length - 12) + random() * 5);
    const last = Math.min(wordStarts.length - 1, first + 2 + Math.floor(random() * 10));
    ranges.push({ start: wordStarts[first]!.start, end: wordStarts[last]!.end });
  }
  return ranges;
}
