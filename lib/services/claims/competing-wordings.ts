import "server-only";
import type { ClaimWithContent } from "@/lib/services/claims/claim-content";
import type { QuoteCheckDetail } from "@/lib/services/evidence/check-evidence";
import { accurateBlockedReason, competingWordings, type WordingSpan, type CompetingWordings } from "@/lib/text/competing-wordings";

/** The words each piece of evidence gives the quote: the matched part of the cited words. */
export function wordingSpans(claim: ClaimWithContent): WordingSpan[] {
  return claim.evidence.map((e) => {
    const detail = e.quoteCheckDetail as QuoteCheckDetail | null;
    return {
      evidenceId: e.id,
      documentId: e.passage.document.id,
      documentTitle: e.passage.document.title,
      primary: e.passage.document.primary,
      exact: detail?.matched ?? e.exact,
      relation: e.relation,
    };
  });
}

export function competingWordingsOf(claim: ClaimWithContent): CompetingWordings & { accurateBlockedReason: string | null } {
  const spans = wordingSpans(claim);
  return { ...competingWordings(claim.exact, spans), accurateBlockedReason: accurateBlockedReason(claim.kind, spans) };
}

export function accurateBlockedReasonOf(claim: ClaimWithContent): string | null {
  return accurateBlockedReason(claim.kind, wordingSpans(claim));
}
