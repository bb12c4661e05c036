// The @mention being typed at the caret, and what choosing a name does to the text. Names have
// spaces ("Rhys Reviewer"), so the query runs from an @ that starts a word to the caret.

export type MentionQuery = { start: number; query: string };

/** Longest name fragment worth completing; past it the @ is taken for ordinary text. */
const MAX_QUERY = 40;

export function mentionAt(text: string, caret: number): MentionQuery | null {
  const upTo = text.slice(0, Math.max(0, Math.min(caret, text.length)));
  const at = upTo.lastIndexOf("@");
  if (at < 0) return null;
  // An @ inside a word is an email address, not a mention.
  if (at > 0 && !/\s|[(["“‘]/.test(upTo[at - 1]!)) return null;
  const query = upTo.slice(at + 1);
  if (query.length > MAX_QUERY || /[\n@]/.test(query) || /^\s/.test(query) || /\s{2}/.test(query)) return null;
  return { start: at, query };
}

/** Replaces the typed fragment with the whole name and a space, and says where the caret goes. */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const before = text.slice(0, mention.start);
  const after = text.slice(caret).replace(/^ /, "");
  const inserted = `@${name} `;
  return { text: before + inserted + after, caret: before.length + inserted.length };
}

/** The names to offer, best first: names starting with the query, then names containing it. */
export function rankNames<T extends { name: string }>(users: T[], query: string, limit = 8): T[] {
  const q = query.trim().toLowerCase();
  const starts = users.filter((u) => u.name.toLowerCase().startsWith(q));
  const contains = users.filter((u) => !u.name.toLowerCase().startsWith(q) && u.name.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, limit);
}
