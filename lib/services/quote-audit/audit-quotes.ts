import "server-only";
import { prisma } from "@/lib/db";
import { articleWhereForUser, authorize, type Actor } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";
import { matchPassages, PassageCache, type PassageMatch } from "@/lib/services/quote-audit/match-passages";
import { findQuotations } from "@/lib/text/quotes/quotations";

export type QuoteProposal = {
  /** The quoted words in the article's text: UTF-16 code units, marks left out. */
  start: number;
  end: number;
  exact: string;
  speaker: string | null;
  /** One word in quotation marks that nobody says: listed, not searched, not accepted by "Accept all". */
  scare: boolean;
  /** Index (in proposals) of the earlier fragment of a quotation split by narration. */
  continues: number | null;
  /** An existing claim already on these words: nothing to propose, shown so the list is complete. */
  coveredByClaimId: string | null;
  best: PassageMatch | null;
  alternatives: PassageMatch[];
};

export type QuoteAuditProgress =
  | { type: "start"; total: number }
  | { type: "quotation"; index: number; done: number; total: number; proposal: QuoteProposal };

export type QuoteAudit = {
  articleId: string;
  version: number;
  proposals: QuoteProposal[];
  /** More quotations than MAX_QUOTATIONS: only the first ones were checked. */
  truncated: boolean;
};

/** Quotations searched at once: enough to overlap database round trips on a small pool. */
const CONCURRENCY = 4;
const ALTERNATIVES = 3;
/** A real article has a few hundred quotations at most; a pasted text of stray marks can have far more. */
const MAX_QUOTATIONS = 2000;

/**
 * The quote audit ("Check quotes"): every quotation of the article, a proposed claim for each
 * with its speaker, and the library's best passage for it, quote-checked. Reads only; nothing
 * is saved until the editor accepts (accept-quote-proposals.ts). Quotations inside other
 * quotations are part of their outer quotation's claim and are not proposed.
 */
export async function auditQuotes({
  actor,
  articleId,
  onProgress,
  signal,
}: {
  actor: Actor | null;
  articleId: string;
  onProgress?: (event: QuoteAuditProgress) => void;
  /** Stops searching when the caller goes away (the editor left the page). */
  signal?: AbortSignal;
}): Promise<QuoteAudit> {
  authorize(actor, "claim:create");
  const article = await prisma.article.findFirst({
    where: { AND: [{ id: articleId }, articleWhereForUser(actor)] },
    select: {
      id: true,
      version: true,
      bodyText: true,
      claims: { where: { anchorStatus: "anchored", kind: "quote" }, select: { id: true, start: true, end: true } },
    },
  });
  if (!article) throw notFound("That article");

  const quotations = findQuotations(article.bodyText, { limit: MAX_QUOTATIONS + 1 });
  const truncated = quotations.length > MAX_QUOTATIONS;
  if (truncated) quotations.length = MAX_QUOTATIONS;
  // Proposal indexes renumber the top-level quotations; fragments point at their first part.
  const topLevel = quotations.map((q, i) => ({ q, i })).filter(({ q }) => q.parent === null);
  const indexOf = new Map(topLevel.map(({ i }, k) => [i, k]));
  const proposals: QuoteProposal[] = topLevel.map(({ q }) => ({
    start: q.start,
    end: q.end,
    exact: q.exact,
    speaker: q.speaker,
    scare: q.scare,
    continues: q.continues === null ? null : (indexOf.get(q.continues) ?? null),
    coveredByClaimId: article.claims.find((c) => covers(c, q))?.id ?? null,
    best: null,
    alternatives: [],
  }));

  const total = proposals.length;
  onProgress?.({ type: "start", total });
  const cache = new PassageCache();
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let index = next++; index < total; index = next++) {
      signal?.throwIfAborted();
      const proposal = proposals[index]!;
      if (!proposal.scare && !proposal.coveredByClaimId) {
        const [best, ...rest] = await matchPassages(proposal.exact, cache);
        proposal.best = best ?? null;
        proposal.alternatives = rest.slice(0, ALTERNATIVES);
      }
      onProgress?.({ type: "quotation", index, done: ++done, total, proposal });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, total) }, worker));
  return { articleId: article.id, version: article.version, proposals, truncated };
}

/** A quote claim covers a quotation when it holds at least half of the quotation's words. */
function covers(claim: { start: number; end: number }, q: { start: number; end: number }): boolean {
  const overlap = Math.min(claim.end, q.end) - Math.max(claim.start, q.start);
  return overlap > 0 && overlap >= 0.5 * (q.end - q.start);
}
