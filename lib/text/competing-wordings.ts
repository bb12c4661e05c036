/**
 * Competing wordings: sources that give the same statement in different words. Shown side by
 * side, never reconciled. (Interim version; the quote-check work replaces it with a richer one.)
 */
export type WordingSpan = { evidenceId: string; documentId: string; documentTitle: string; primary: boolean; exact: string; relation: string };
export type Wording = { text: string; evidenceIds: string[]; sources: { title: string; primary: boolean }[] };
export type CompetingWordings = { disagree: boolean; wordings: Wording[] };

const key = (text: string) => text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

export function competingWordings(_quote: string, spans: readonly WordingSpan[]): CompetingWordings {
  const groups = new Map<string, Wording>();
  for (const span of spans.filter((s) => s.relation !== "context")) {
    const k = key(span.exact);
    const group = groups.get(k) ?? { text: span.exact, evidenceIds: [], sources: [] };
    group.evidenceIds.push(span.evidenceId);
    if (!group.sources.some((s) => s.title === span.documentTitle)) group.sources.push({ title: span.documentTitle, primary: span.primary });
    groups.set(k, group);
  }
  const wordings = [...groups.values()];
  return { disagree: wordings.length > 1, wordings };
}

export function accurateBlockedReason(kind: string, spans: readonly WordingSpan[]): string | null {
  if (kind !== "quote") return null;
  const cited = spans.filter((s) => s.relation !== "context");
  if (cited.length === 0 || cited.some((s) => s.primary)) return null;
  if (!competingWordings("", cited).disagree) return null;
  return "The secondary sources word this quote differently and no primary source is linked: link the primary source before calling it accurate.";
}
