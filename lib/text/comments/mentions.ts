/**
 * `@Name` mentions in a comment: a person is mentioned when "@" is followed by their whole name
 * (case and accents aside) and the name ends at a word boundary. Longer names win, so "@Ann Lee"
 * mentions Ann Lee, not Ann.
 */
export type Mentionable = { id: string; name: string };

const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
const WORD = /[\p{L}\p{N}_]/u;

export function findMentions<U extends Mentionable>(body: string, users: readonly U[]): U[] {
  const text = fold(body);
  const byLength = [...users].filter((u) => u.name.trim()).sort((a, b) => b.name.length - a.name.length);
  const found = new Map<string, U>();
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    if (at > 0 && WORD.test(text[at - 1] ?? "")) continue; // an email address, not a mention
    const rest = text.slice(at + 1);
    const user = byLength.find((u) => {
      const name = fold(u.name.trim());
      return rest.startsWith(name) && !WORD.test(rest[name.length] ?? "");
    });
    if (user) found.set(user.id, user);
  }
  return [...found.values()];
}
