/**
 * Is the person an article credits with a quote the one who speaks the source passage?
 *
 *   compareSpeakers(claimSpeaker: string | null, passageSpeaker: string | null,
 *                   aliases?: Record<string, string>): { same: boolean; note: string | null }
 *
 * "Putin", "Vladimir Putin", "President Putin", "PUTIN:" and "Russian President Vladimir
 * Putin" are one person: titles, honorifics, case, accents and a label's colon are set aside
 * and the surnames compared (a given name or an initial, when both sides have one, must agree).
 * `aliases` maps how a text names someone to who it is, as speakerAliases() returns it
 * ({ "Russian President": "Vladimir Putin" }); it is applied to both sides first.
 *
 * `same` is true only when the two are recognisably one person, or when one side names no one
 * (a news report's passage has no speaker, a claim may have none yet): then there is nothing
 * to contradict and `note` is null. Otherwise `note` says plainly what differs, in a sentence
 * the UI shows as it is.
 */
export type SpeakerComparison = { same: boolean; note: string | null };

// Words that describe an office or courtesy, never a name. Nationality words go only when a
// title follows them ("Russian President"), so a surname like "English" is safe.
const TITLES = new Set(
  (
    "president vice prime minister foreign defence defense secretary state general chancellor senator " +
    "ambassador governor king queen prince crown sheikh emir premier chairman chairwoman chair spokesman " +
    "spokeswoman spokesperson mr mrs ms miss dr sir lord lady madam mister his her excellency honorable " +
    "honourable deputy assistant adviser advisor national security affairs former then the of u.s us"
  ).split(" "),
);
const NATIONALITY_BEFORE_TITLE =
  /^(?:[\p{L}.-]+\s+){1,2}(?=(?:president|prime minister|foreign minister|minister|secretary|chancellor|ambassador)\b)/u;
const REPORTER = new Set(["q", "question", "reporter", "questioner", "audience member"]);

type Person = { shown: string; names: string[]; reporter: boolean };

export function compareSpeakers(
  claimSpeaker: string | null | undefined,
  passageSpeaker: string | null | undefined,
  aliases: Record<string, string> = {},
): SpeakerComparison {
  const claim = person(claimSpeaker, aliases);
  const passage = person(passageSpeaker, aliases);
  if (!claim || !passage) return { same: true, note: null };
  const said = `The article attributes this to ${claim.shown};`;
  if (passage.reporter !== claim.reporter) {
    return passage.reporter
      ? { same: false, note: `${said} the source passage is a reporter's question, not ${claim.shown}'s words.` }
      : { same: false, note: `${said} the source passage is spoken by ${passage.shown}.` };
  }
  if (claim.reporter) return { same: true, note: null };
  if (claim.names.length === 0 || passage.names.length === 0) {
    const titleOnly = passage.names.length === 0 ? passage : claim;
    return {
      same: false,
      note: `${said} the source passage is spoken by ${passage.shown}. ${titleOnly === passage ? "The source" : "The article"} gives only a title: check that it is the same person.`,
    };
  }
  return samePerson(claim.names, passage.names)
    ? { same: true, note: null }
    : { same: false, note: `${said} the source passage is spoken by ${passage.shown}.` };
}

function person(raw: string | null | undefined, aliases: Record<string, string>): Person | null {
  const label = (raw ?? "")
    .replace(/\s+/gu, " ")
    .replace(/[\s:：]+$/u, "")
    .trim();
  if (!/\p{L}/u.test(label)) return null;
  const resolved = resolveAlias(label, aliases);
  const shown = /\p{Ll}/u.test(resolved) ? resolved : titleCase(resolved);
  const folded = fold(resolved);
  if (REPORTER.has(folded)) return { shown, names: [], reporter: true };
  const words = folded
    .replace(NATIONALITY_BEFORE_TITLE, "")
    .split(/[\s.]+/u)
    .filter(Boolean);
  return { shown, names: words.filter((w) => !TITLES.has(w)), reporter: false };
}

function resolveAlias(label: string, aliases: Record<string, string>): string {
  const key = (s: string) => fold(s).replace(/^the\s+/u, "");
  const wanted = key(label);
  for (const [alias, name] of Object.entries(aliases)) if (key(alias) === wanted) return name;
  return label;
}

/** Lower case, accents off, curly apostrophes straight: "PUTIN" = "Putin", "Müller" = "Muller". */
function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[’‘]/gu, "'").toLowerCase().trim();
}

function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, lead: string, letter: string) => lead + letter.toUpperCase());
}

/** The same surname, and given names that agree where both sides have them ("G. W. Bush" = "George W Bush"). */
function samePerson(a: string[], b: string[]): boolean {
  if (a[a.length - 1] !== b[b.length - 1]) return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const givenLonger = longer.slice(0, -1);
  return shorter
    .slice(0, -1)
    .every((name) =>
      givenLonger.some(
        (other) =>
          other === name ||
          (name.length === 1 && other.startsWith(name)) ||
          (other.length === 1 && name.startsWith(other)),
      ),
    );
}
