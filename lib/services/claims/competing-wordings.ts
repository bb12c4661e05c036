import "server-only";
import type { ClaimWithContent } from "@/lib/services/claims/claim-content";
import {
  accurateBlockedReason,
  competingWordings,
  type EvidenceSpan,
  type Wording,
} from "@/lib/text/quotes/competing-wordings";

/** The spans each piece of evidence cites, for comparing what the sources print. */
function spansOf(claim: ClaimWithContent): EvidenceSpan[] {
  return claim.evidence.map((e) => ({
    evidenceId: e.id,
    documentId: e.passage.document.id,
    documentTitle: e.passage.document.title,
    primary: e.passage.document.primary,
    exact: e.exact,
    relation: e.relation,
  }));
}

export type WordingView = Omit<Wording, "sources"> & {
  evidenceIds: string[];
  sources: { title: string; primary: boolean; evidenceId: string }[];
};
export type CompetingWordingsView = {
  disagree: boolean;
  wordings: WordingView[];
  unmatched: { title: string; evidenceId: string }[];
  accurateBlockedReason: string | null;
};

/** Competing wordings of a quote claim's evidence, side by side (only quotes have wordings). */
export function competingWordingsOf(claim: ClaimWithContent): CompetingWordingsView {
  const spans = spansOf(claim);
  const accurate = accurateBlockedReason(claim.kind, spans, claim.exact);
  if (claim.kind !== "quote" || spans.length === 0)
    return { disagree: false, wordings: [], unmatched: [], accurateBlockedReason: accurate };
  const result = competingWordings(claim.exact, spans);
  return {
    disagree: result.disagree,
    wordings: result.wordings.map((w) => ({
      ...w,
      evidenceIds: w.sources.map((s) => s.evidenceId),
      sources: w.sources.map((s) => ({ title: s.documentTitle, primary: s.primary, evidenceId: s.evidenceId })),
    })),
    unmatched: result.unmatched.map((s) => ({ title: s.documentTitle, evidenceId: s.evidenceId })),
    accurateBlockedReason: accurate,
  };
}

export function accurateBlockedReasonOf(claim: ClaimWithContent): string | null {
  return accurateBlockedReason(claim.kind, spansOf(claim), claim.exact);
}
