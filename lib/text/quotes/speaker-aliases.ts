/**
 * Titles an article gives a person before their name ("Russian President Vladimir Putin"),
 * so that a later "the Russian President adds, “…”" can be filled in as "Vladimir Putin".
 * Only titles followed directly by a capitalised name count; a guess, offered for a person to
 * confirm, never stored without them.
 */
const TITLE = String.raw`(?:[A-Z][\p{L}-]+\s)?(?:President|Prime Minister|Foreign Minister|Minister|Secretary of State|Secretary|Chancellor|Senator|General|Ambassador)`;
const NAME = String.raw`[A-Z][\p{L}'’-]*(?:\s[A-Z](?:[\p{L}'’-]+|\.)?){0,2}(?<![.])`;
const PATTERN = new RegExp(String.raw`(?<![\p{L}])(${TITLE})\s(${NAME})`, "gu");

export function speakerAliases(text: string): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const match of text.matchAll(PATTERN)) {
    const title = match[1]!.replace(/^then-/, "");
    const name = match[2]!.trim();
    // The first naming wins: later "President Bush" must not turn "US President" into Bush's rival.
    if (!(title in aliases) && name.split(/\s/).length >= 2) aliases[title] = name;
  }
  return aliases;
}
