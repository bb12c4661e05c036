// A generated corpus for the sources benchmark: deterministic (seeded), English-like word
// frequencies (Zipf over common words and made-up ones), speaker turns of about 500 characters.

export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON =
  "the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three".split(
    " ",
  );
const SYLLABLES =
  "ka lo ri ne ta mo su vi de pa ro li na te ko ra mi zo be ga du fe hi ju ly qu sa to ve wa xe yo ze an el in or un ar er ir ol ul st tr pr gr bl cr dr fl".split(
    " ",
  );
const SURNAMES = [
  "PUTIN",
  "BUSH",
  "RICE",
  "LAVROV",
  "HADLEY",
  "BURNS",
  "USHAKOV",
  "RUMSFELD",
  "CHENEY",
  "POWELL",
  "IVANOV",
  "KOZAK",
  "TALBOTT",
  "GORE",
  "CLINTON",
  "YELTSIN",
];
const TITLES = ["PRESIDENT", "SECRETARY", "MINISTER", "AMBASSADOR"];

export type GeneratedDocument = {
  title: string;
  kind: "memcon" | "telcon" | "transcript" | "press_remarks" | "interview" | "report" | "news_report" | "other";
  primary: boolean;
  date: string;
  text: string;
};

export function makeVocabulary(random: () => number, size = 30_000): string[] {
  const words = new Set(COMMON);
  while (words.size < size) {
    const n = 2 + Math.floor(random() * 3);
    let w = "";
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

/** Zipf sampler: word k is drawn with weight 1 / (k + 1). */
export function zipf(words: string[], random: () => number): () => string {
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 0; k < words.length; k++) cumulative.push((total += 1 / (k + 1)));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
}

const KINDS: GeneratedDocument["kind"][] = [
  "memcon",
  "telcon",
  "transcript",
  "press_remarks",
  "interview",
  "report",
  "news_report",
  "other",
];

/** `documents` documents of `turns` speaker turns each, every turn about `turnChars` long. */
export function* generateCorpus(
  seed: number,
  documents: number,
  turns: number,
  turnChars = 500,
): Generator<GeneratedDocument> {
  const random = rng(seed);
  const word = zipf(makeVocabulary(random), random);
  for (let d = 0; d < documents; d++) {
    const speakers = [0, 1, 2].map(
      () => `${TITLES[Math.floor(random() * TITLES.length)]} ${SURNAMES[Math.floor(random() * SURNAMES.length)]}`,
    );
    const parts: string[] = [];
    for (let t = 0; t < turns; t++) {
      let turn = "";
      while (turn.length < turnChars) {
        const n = 8 + Math.floor(random() * 12);
        const sentence = Array.from({ length: n }, word).join(" ");
        turn += `${sentence[0]!.toUpperCase()}${sentence.slice(1)}. `;
      }
      parts.push(`${speakers[t % speakers.length]}: ${turn.trim()}`);
    }
    const year = 1990 + (d % 36);
    const date = `${year}-${String(1 + (d % 12)).padStart(2, "0")}-${String(1 + (d % 28)).padStart(2, "0")}`;
    yield {
      title: `Generated document ${d + 1}`,
      kind: KINDS[d % KINDS.length]!,
      primary: d % 2 === 0,
      date,
      text: parts.join("\n\n"),
    };
  }
}
