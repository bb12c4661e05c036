import { readFileSync } from "node:fs";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  normaliseForMatch,
  normaliseForSearch,
  normaliseText,
  toOriginalRange,
  TYPOGRAPHIC_ONLY,
  type NormaliseOptions,
} from "./normalise";

const corpus = new URL("../../../prisma/demo/corpus/", import.meta.url);
const article = readFileSync(new URL("seed-article.txt", corpus), "utf8");
const sources = JSON.parse(readFileSync(new URL("sources.json", corpus), "utf8")) as {
  documents: Array<{ id: string; text: string }>;
};
const memcon = sources.documents.find((d) => d.id === "nsarchive-2008-04-06-sochi-memcon")?.text ?? "";

/** Text built from pieces that break naive code: emoji, marks, RTL, curly quotes, OCR noise. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "Putin",
        "said",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        "\u00A0",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "—",
        "–",
        "-",
        "\u00AD",
        "\u200B",
        "\u200F",
        "·",
        "nucle-\nar",
        "go6d aea",
        "long·time",
        "Nev erov",
        "café",
        "cafe\u0301",
        "e\u0301\u0301",
        "ﬁ",
        "ß",
        "İ",
        "ς",
        "😀",
        "👨‍👩‍👧",
        "🇫🇷",
        "❤️",
        "مرحبا بالعالم",
        "שָׁלוֹם",
        "नमस्ते",
        "…",
        "Ǆ",
        "1",
        ".",
      ),
      fc.string({ unit: "grapheme", maxLength: 6 }),
      fc.string({ unit: "binary", maxLength: 4 }),
    ),
    { maxLength: 25 },
  )
  .map((parts) => parts.join(""));

const optionSets: NormaliseOptions[] = [{}, TYPOGRAPHIC_ONLY, { dropPunctuation: true }];

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const splitsPair = (text: string, i: number) => isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));

describe("normaliseText", () => {
  it("folds typographic quotes, dashes and whitespace", () => {
    expect(normaliseText("“It’s  a\u00A0long—\n\tday” – «non» ‹oui›")).toBe(`"it's a long- day" - "non" 'oui'`);
  });

  it("removes soft hyphens, zero-width characters and bidi controls", () => {
    expect(normaliseText("nu\u00ADcle\u200Bar \u200Fpower\u200E")).toBe("nuclear power");
  });

  it("joins words hyphenated across a line break, but not a compound before a capital", () => {
    expect(normaliseText("nucle-\nar and nucle\u00AD\r\n  ar")).toBe("nuclear and nuclear");
    expect(normaliseText("US-\nRussian")).toBe("us- russian");
    expect(normaliseText("one - two")).toBe("one - two");
  });

  it("reads the interpunct as a space, as OCR prints it between words", () => {
    expect(normaliseText("long·time")).toBe("long time");
    expect(normaliseText("it's · important")).toBe("it's important");
  });

  it("folds case, compatibility forms and accents by default", () => {
    expect(normaliseText("Café CAFE\u0301 ﬁne STRASSE straße Σίσυφος İstanbul")).toBe(
      "cafe cafe fine strasse strasse σισυφοσ istanbul",
    );
  });

  it("keeps case and accents at the typographic level but composes them", () => {
    expect(normaliseText("Cafe\u0301 “Quote”", TYPOGRAPHIC_ONLY)).toBe('Café "Quote"');
    expect(normaliseText("Cafe\u0301", TYPOGRAPHIC_ONLY)).toBe(normaliseText("Café", TYPOGRAPHIC_ONLY));
  });

  it("strips Hebrew and Arabic vowel points but keeps Indic vowel signs", () => {
    expect(normaliseText("שָׁלוֹם")).toBe("שלום");
    expect(normaliseText("مُحَمَّد")).toBe("محمد");
    expect(normaliseText("नमस्ते")).toBe("नमस्ते");
  });

  it("turns punctuation into spaces only for search", () => {
    expect(normaliseForSearch("go6d·aea, it's -meeting").text).toBe("go6d aea it s meeting");
  });

  it("leaves emoji whole", () => {
    expect(normaliseText("I ❤️ 👨‍👩‍👧 🇫🇷")).toBe("i ❤️ 👨👩👧 🇫🇷");
  });
});

describe("normaliseForMatch map", () => {
  it("maps a match in normalised text back to the exact original span", () => {
    const original = "Pakistan’s nucle-\nar  “assets”";
    const n = normaliseForMatch(original);
    expect(n.text).toBe(`pakistan's nuclear "assets"`);
    const at = n.text.indexOf("nuclear");
    const { start, end } = toOriginalRange(n, at, at + "nuclear".length);
    expect(original.slice(start, end)).toBe("nucle-\nar");
    const quoted = n.text.indexOf('"assets"');
    const back = toOriginalRange(n, quoted, quoted + 8);
    expect(original.slice(back.start, back.end)).toBe("“assets”");
  });

  it("leaves removed characters out of the edges of a mapped range", () => {
    const original = "a\u00AD b\u200B";
    const n = normaliseForMatch(original);
    expect(n.text).toBe("a b");
    expect(toOriginalRange(n, 0, 1)).toEqual({ start: 0, end: 1 });
    expect(toOriginalRange(n, 2, 3)).toEqual({ start: 3, end: 4 });
  });

  it("keeps a letter and its combining marks together", () => {
    const original = "cafe\u0301 noir";
    const n = normaliseForMatch(original);
    expect(n.text).toBe("cafe noir");
    const { start, end } = toOriginalRange(n, 0, 4);
    expect(original.slice(start, end)).toBe("cafe\u0301");
  });

  it("finds the OCR line of the 2008 memcon and maps it back", () => {
    const n = normaliseForSearch(memcon);
    const at = n.text.indexOf("i believe this is a go6d aea");
    expect(at).toBeGreaterThan(0);
    const { start, end } = toOriginalRange(n, at, at + "i believe this is a go6d aea".length);
    expect(memcon.slice(start, end)).toBe("I believe this is a go6d aea");
  });

  it("normalises the seed article's curly apostrophes", () => {
    const n = normaliseForMatch(article);
    const at = n.text.indexOf("pakistan's nuclear proliferation");
    const { start, end } = toOriginalRange(n, at, at + "pakistan's".length);
    expect(article.slice(start, end)).toBe("Pakistan’s");
  });
});

describe("normalise properties", () => {
  const params = { numRuns: 200 };

  it("map is monotonic, in bounds and ends at the original length", () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom(...optionSets), (text, options) => {
        const { text: out, map, ends } = normaliseForMatch(text, options);
        expect(map).toHaveLength(out.length + 1);
        expect(ends).toHaveLength(out.length);
        expect(map[out.length]).toBe(text.length);
        for (let i = 0; i < out.length; i++) {
          const from = map[i] as number;
          const to = ends[i] as number;
          expect(from).toBeGreaterThanOrEqual(i === 0 ? 0 : (map[i - 1] as number));
          expect(to).toBeGreaterThan(from);
          expect(to).toBeLessThanOrEqual(text.length);
          expect(map[i + 1] as number).toBeGreaterThanOrEqual(from);
        }
      }),
      params,
    );
  });

  it("every normalised character comes from the original characters it maps to", () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom(...optionSets), (text, options) => {
        const { text: out, map, ends } = normaliseForMatch(text, options);
        for (let i = 0; i < out.length; i++) {
          if (out[i] === " ") continue;
          const piece = normaliseText(text.slice(map[i], ends[i]), options);
          expect(piece).toContain(out[i]);
        }
      }),
      params,
    );
  });

  it("mapped ranges never split a surrogate pair", () => {
    fc.assert(
      fc.property(hostileText, fc.nat(), fc.nat(), (text, a, b) => {
        const n = normaliseForMatch(text);
        const len = n.text.length;
        const s = len === 0 ? 0 : a % (len + 1);
        const e = len === 0 ? 0 : s + (b % (len - s + 1));
        const range = toOriginalRange(n, s, e);
        expect(range.start).toBeLessThanOrEqual(range.end);
        expect(range.end).toBeLessThanOrEqual(text.length);
        expect(splitsPair(text, range.start)).toBe(false);
        expect(splitsPair(text, range.end)).toBe(false);
      }),
      params,
    );
  });

  it("normaliseText agrees with normaliseForMatch, is idempotent and leaves no stray spaces", () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom(...optionSets), (text, options) => {
        const out = normaliseText(text, options);
        expect(out).toBe(normaliseForMatch(text, options).text);
        expect(normaliseText(out, options)).toBe(out);
        expect(out).not.toMatch(/^ | $| {2}/);
      }),
      params,
    );
  });

  it("curly and straight quotes normalise alike", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const curly = text.replace(/"/g, "“").replace(/'/g, "’");
        expect(normaliseText(curly)).toBe(normaliseText(text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'")));
      }),
      params,
    );
  });
});
