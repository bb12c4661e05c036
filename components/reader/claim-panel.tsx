import { CitedPassage } from "@/components/reader/cited-passage";
import { QUOTE_CHECK_LABELS, QuoteComparison } from "@/components/reader/quote-comparison";
import { SourceMeta } from "@/components/reader/source-meta";
import { VerdictBadge } from "@/components/reader/verdict-badge";
import type { SnapshotClaim, SnapshotSource } from "@/lib/services/publishing/snapshot-content";

const RELATION_LABELS = {
  supports: "Supports the claim",
  contradicts: "Contradicts the claim",
  context: "Context",
} as const;
const KIND_LABELS = {
  quote: "Quote",
  figure: "Figure",
  date: "Date",
  attribution: "Attribution",
  other: "Claim",
} as const;

const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { dateStyle: "long", timeZone: "UTC" });
const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** Different sources give the same statement in different words: show them side by side. */
function competingWordings(claim: SnapshotClaim) {
  const seen = new Map<string, SnapshotClaim["evidence"][number]>();
  for (const e of claim.evidence)
    if (e.relation !== "context" && !seen.has(words(e.exact))) seen.set(words(e.exact), e);
  return seen.size > 1 ? [...seen.values()] : [];
}

/** Everything a reader needs to judge one claim: verdict, rationale, quote check, evidence, review. */
export function ClaimPanel({
  claim,
  n,
  sources,
}: {
  claim: SnapshotClaim;
  n: number;
  sources: Map<string, SnapshotSource>;
}) {
  const competing = competingWordings(claim);
  const headingId = `claim-${claim.id}-heading`;
  return (
    <article
      id={`claim-${claim.id}`}
      aria-labelledby={headingId}
      className="claim-panel scroll-mt-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
    >
      <header>
        <p className="text-xs font-semibold tracking-wide text-stone-600 uppercase">
          Claim {n} · {KIND_LABELS[claim.kind]}
          {claim.speaker ? ` · ${claim.speaker}` : ""}
        </p>
        <h3 id={headingId} className="mt-1 font-serif text-lg">
          “{claim.exact}”
        </h3>
        <p className="mt-2">
          <span className="sr-only">Verdict: </span>
          <VerdictBadge verdict={claim.verdict} />
        </p>
      </header>
      {claim.rationale && <p className="mt-2 whitespace-pre-line wrap-anywhere">{claim.rationale}</p>}
      {claim.quoteCheck && !claim.evidence.some((e) => e.quoteCheckDetail) && (
        <p className="mt-2 text-sm">
          <span className="font-semibold">Quote check: </span>
          {QUOTE_CHECK_LABELS[claim.quoteCheck] ?? claim.quoteCheck}
        </p>
      )}
      {claim.evidence.length > 0 && (
        <section aria-label={`Evidence for claim ${n}`} className="mt-3 space-y-3">
          <h4 className="text-sm font-semibold">Evidence</h4>
          {claim.evidence.map((e) => {
            const source = sources.get(e.sourceId);
            return (
              <div key={e.id} className="rounded-md border border-stone-200 p-3">
                <p className="text-xs font-semibold tracking-wide text-stone-600 uppercase">
                  {RELATION_LABELS[e.relation]}
                </p>
                <CitedPassage evidence={e} />
                {e.note && <p className="mt-1 text-sm text-stone-700">{e.note}</p>}
                {e.quoteCheckDetail && claim.kind === "quote" && (
                  <div className="mt-2">
                    <QuoteComparison detail={e.quoteCheckDetail} />
                  </div>
                )}
                {source && (
                  <div className="mt-2 border-t border-stone-100 pt-2">
                    <SourceMeta source={source} />
                  </div>
                )}
              </div>
            );
          })}
        </section>
      )}
      {competing.length > 0 && (
        <section aria-label="Competing wordings" className="mt-3">
          <h4 className="text-sm font-semibold">The sources word it differently</h4>
          <ul className="mt-1 grid gap-2 sm:grid-cols-2">
            {competing.map((e) => (
              <li key={e.id} className="rounded border border-stone-200 p-2 text-sm">
                <p className="font-serif">“{e.exact}”</p>
                <p className="mt-1 text-stone-600">{sources.get(e.sourceId)?.title}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <footer className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-stone-700">
        {claim.reviewer && (
          <span>
            Reviewed by {claim.reviewer.name}
            {claim.reviewedAt ? ` on ${day(claim.reviewedAt)}` : ""}
          </span>
        )}
        <a href={`#mark-${claim.id}`} className="text-blue-800 underline">
          Back to the text
        </a>
      </footer>
    </article>
  );
}
