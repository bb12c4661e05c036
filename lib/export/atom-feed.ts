/** An Atom 1.0 feed (RFC 4287) of published fact-checks. Pure; every text is XML-escaped. */

export type FeedEntry = { id: string; title: string; url: string; updated: string; published: string; summary: string };

export function xmlEscape(text: string): string {
  // Characters XML 1.0 forbids outright are dropped rather than escaped.
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);
}

export function buildAtomFeed(options: {
  title: string;
  selfUrl: string;
  siteUrl: string;
  entries: FeedEntry[];
}): string {
  const updated = options.entries[0]?.updated ?? new Date(0).toISOString();
  const entries = options.entries.map(
    (e) => `  <entry>
    <id>${xmlEscape(e.id)}</id>
    <title>${xmlEscape(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(e.url)}"/>
    <published>${e.published}</published>
    <updated>${e.updated}</updated>
    <summary>${xmlEscape(e.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xmlEscape(options.selfUrl)}</id>
  <title>${xmlEscape(options.title)}</title>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(options.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xmlEscape(options.siteUrl)}"/>
  <updated>${updated}</updated>
  <author><name>${xmlEscape(options.title)}</name></author>
${entries.join("\n")}
</feed>
`;
}
