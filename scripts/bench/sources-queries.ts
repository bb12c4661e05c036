// The fixed mix of 200 benchmark queries, drawn (seeded) from the generated corpus: exact
// phrases, single words, OCR-damaged phrases, and filtered searches.
import { rng } from "./corpus.ts";

export type BenchQuery = { category: "exact phrase" | "single word" | "fuzzy (OCR-like)" | "filtered"; q: string; filters: Record<string, string> };
export type Sample = { text: string; speaker: string; kind: string; date: string };

const OCR: [RegExp, string][] = [[/o/, "0"], [/l/, "1"], [/e/, "c"], [/i/, "l"], [/a/, "o"], [/rn/, "m"], [/ /, ""]];

function words(text: string): string[] {
  return text.replace(/^[A-Z ]+:\s*/, "").toLowerCase().replace(/[^a-z ]/g, " ").split(/\s+/).filter(Boolean);
}

function damage(phrase: string, random: () => number): string {
  const parts = phrase.split(" ");
  // Two different words get one OCR error each, as a scan would.
  for (let n = 0; n < 2; n++) {
    const i = Math.floor(random() * parts.length);
    const [from, to] = OCR[Math.floor(random() * OCR.length)]!;
    const w = parts[i]!;
    parts[i] = w.length > 3 && from.test(w) ? w.replace(from, to) : `${w.slice(0, 1)}${w.slice(2)}`;
  }
  return parts.join(" ");
}

export function benchQueries(samples: Sample[], seed = 7): BenchQuery[] {
  const random = rng(seed);
  const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const phrase = (length: number) => {
    const w = words(pick(samples).text);
    const start = Math.floor(random() * Math.max(1, w.length - length));
    return w.slice(start, start + length).join(" ");
  };
  const rareWord = () => {
    const w = words(pick(samples).text).filter((x) => x.length >= 6);
    return w.length ? pick(w) : phrase(1);
  };
  const queries: BenchQuery[] = [];
  for (let i = 0; i < 50; i++) queries.push({ category: "exact phrase", q: phrase(4 + (i % 3)), filters: {} });
  for (let i = 0; i < 50; i++) queries.push({ category: "single word", q: rareWord(), filters: {} });
  for (let i = 0; i < 50; i++) queries.push({ category: "fuzzy (OCR-like)", q: damage(phrase(6), random), filters: {} });
  for (let i = 0; i < 50; i++) {
    const sample = pick(samples);
    const filters: Record<string, string>[] = [
      { speaker: sample.speaker.split(" ").pop()! },
      { kind: sample.kind },
      { primaryOnly: "1" },
      { from: `${sample.date.slice(0, 4)}-01-01`, to: `${sample.date.slice(0, 4)}-12-31` },
    ];
    queries.push({ category: "filtered", q: i % 2 ? rareWord() : phrase(3), filters: filters[i % filters.length]! });
  }
  return queries;
}
