// The fixed mix of 200 benchmark queries, drawn (seeded) from the generated corpus: exact
// phrases, single words, OCR-damaged phrases, and filtered searches; and, timed apart, exact
// phrases made of stop words only.
import { ENGLISH_STOP_WORDS } from "../../lib/text/search/search-phrase.ts";
import { rng } from "./corpus.ts";

export type BenchQuery = {
  category: "exact phrase" | "single word" | "fuzzy (OCR-like)" | "filtered";
  q: string;
  filters: Record<string, string>;
  /** For OCR-like queries: the phrase before damage, which the intended passage holds. */
  target?: string;
};
export type Sample = { text: string; speaker: string; kind: string; date: string };

const OCR: [RegExp, string][] = [
  [/o/, "0"],
  [/l/, "1"],
  [/e/, "c"],
  [/i/, "l"],
  [/a/, "o"],
  [/rn/, "m"],
  [/ /, ""],
];

function words(text: string): string[] {
  return text
    .replace(/^[A-Z ]+:\s*/, "")
    .toLowerCase()
    .replace(/[^a-z ]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
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
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
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
  for (let i = 0; i < 50; i++) {
    const target = phrase(6);
    queries.push({ category: "fuzzy (OCR-like)", q: damage(target, random), filters: {}, target });
  }
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

/**
 * Exact phrases of three to six words made only of stop words ("he and of an a as"), as they
 * occur in the samples: the tsvector cannot see them (issue 10's slowest searches).
 */
export function stopWordPhrases(samples: Sample[], count = 50, seed = 11): string[] {
  const random = rng(seed);
  const runs: string[][] = [];
  for (const sample of samples) {
    let run: string[] = [];
    for (const w of [...words(sample.text), ""]) {
      if (ENGLISH_STOP_WORDS.has(w)) run.push(w);
      else {
        if (run.length >= 3) runs.push(run);
        run = [];
      }
    }
  }
  const phrases: string[] = [];
  for (let i = 0; i < count && runs.length > 0; i++) {
    const run = runs[Math.floor(random() * runs.length)]!;
    const length = Math.min(run.length, 3 + (i % 4));
    const start = Math.floor(random() * (run.length - length + 1));
    phrases.push(run.slice(start, start + length).join(" "));
  }
  return phrases;
}
