import "server-only";
import type { QuoteCheck as QuoteCheckResult } from "@/lib/generated/prisma/client";
import { compareQuote, type AlignmentStep, type QuoteDifference } from "@/lib/text/quotes/quote-check";
import { compareSpeakers } from "@/lib/text/quotes/speaker-match";

/** What is stored in evidence.quote_check_detail: the comparison a person reads. */
export type QuoteCheckDetail = {
  similarity: number;
  differences: QuoteDifference[];
  notes: string[];
  alignment: AlignmentStep[];
  /** The source words the quote was matched with (a part of the cited words), or null. */
  matched: string | null;
  /** Said when the claim's speaker is not the passage's. */
  speakerNote: string | null;
};

export type EvidenceCheck = { quoteCheck: QuoteCheckResult | null; quoteCheckDetail: QuoteCheckDetail | null };

const ORDER: QuoteCheckResult[] = ["verbatim", "minor_differences", "altered", "not_found"];

/** The best of several checks: one verbatim source is enough to call the words right. */
export function bestQuoteCheck(results: (QuoteCheckResult | null)[]): QuoteCheckResult | null {
  const present = results.filter((r): r is QuoteCheckResult => r !== null);
  return present.length === 0 ? null : present.reduce((a, b) => (ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b));
}

/**
 * Checks a quote claim's words against the cited words. Other kinds of claim are not quotes:
 * their words are not expected in the source, so they get no quote check.
 */
export function checkEvidence(
  claim: { kind: string; exact: string; speaker: string | null },
  cited: string,
  passageSpeaker: string | null,
): EvidenceCheck {
  if (claim.kind !== "quote") return { quoteCheck: null, quoteCheckDetail: null };
  const check = compareQuote(claim.exact, cited);
  return {
    quoteCheck: check.result,
    quoteCheckDetail: {
      similarity: check.similarity,
      matched:
        check.matchStart === null || check.matchEnd === null ? null : cited.slice(check.matchStart, check.matchEnd),
      differences: check.differences,
      notes: check.notes,
      alignment: check.alignment,
      speakerNote: compareSpeakers(claim.speaker, passageSpeaker).note,
    },
  };
}
