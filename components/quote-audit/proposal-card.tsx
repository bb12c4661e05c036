"use client";

import { WordComparison } from "@/components/evidence/quote-check-view";
import { RESULT_CLASS, RESULT_LABEL, type Relation } from "@/components/quote-audit/labels";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import type { QuoteProposal } from "@/lib/services/quote-audit/audit-quotes";
import type { PassageMatch } from "@/lib/services/quote-audit/match-passages";
import { busyProps } from "@/components/ui/busy";

export type Decision = "open" | "dismissed" | "saving" | "accepted";
export type ProposalChoice = { speaker: string; relation: Relation; decision: Decision; error: string | null };

type Props = {
  proposal: QuoteProposal;
  index: number;
  choice: ProposalChoice;
  articleHref: string;
  busy: boolean;
  onChange: (change: Partial<ProposalChoice>) => void;
  onAccept: () => void;
};

export function ProposalCard({ proposal, index, choice, articleHref, busy, onChange, onAccept }: Props) {
  const id = `proposal-${index}`;
  const { decision } = choice;
  const editable = !proposal.coveredByClaimId && decision !== "accepted" && decision !== "saving";
  return (
    <li
      aria-labelledby={`${id}-quote`}
      className={`space-y-3 rounded-lg border bg-white p-4 shadow-sm ${decision === "dismissed" ? "border-dashed border-stone-400 bg-stone-50" : "border-stone-200"}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <blockquote id={`${id}-quote`} className="border-l-4 border-amber-400 pl-2 font-serif">
          “{proposal.exact}”
        </blockquote>
        <p className="flex flex-wrap gap-1 text-xs">
          {decision === "dismissed" && (
            <span className="rounded bg-stone-200 px-2 py-0.5 font-medium text-stone-900">Dismissed</span>
          )}
          {proposal.scare && (
            <span className="rounded bg-stone-200 px-2 py-0.5 text-stone-900">
              Scare quote: one word nobody says, not checked
            </span>
          )}
          {proposal.continues !== null && (
            <span className="rounded bg-stone-100 px-2 py-0.5 text-stone-800">
              Continues quotation {proposal.continues + 1}, split by narration
            </span>
          )}
        </p>
      </div>

      {proposal.coveredByClaimId ? (
        <p className="text-sm text-stone-700">
          Already a claim.{" "}
          <a href={articleHref} className="text-blue-800 underline">
            Open it in the editor
          </a>
        </p>
      ) : (
        <>
          <div className="max-w-sm">
            <label htmlFor={`${id}-speaker`} className={labelClass}>
              Speaker
            </label>
            <input
              id={`${id}-speaker`}
              className={inputClass}
              value={choice.speaker}
              disabled={!editable}
              placeholder="Who says it?"
              onChange={(e) => onChange({ speaker: e.target.value })}
            />
          </div>
          {proposal.best ? (
            <BestPassage match={proposal.best} />
          ) : (
            !proposal.scare && (
              <p className="text-sm text-stone-700">
                No source passage in the library has these words. Import the source, or link evidence by hand later.
              </p>
            )
          )}
          {proposal.alternatives.length > 0 && (
            <details className="text-sm">
              <summary className="cursor-pointer text-blue-800 underline">
                Other passages ({proposal.alternatives.length})
              </summary>
              <ul className="mt-2 space-y-2">
                {proposal.alternatives.map((match) => (
                  <li key={match.passageId} className="rounded border border-stone-200 p-2">
                    <MatchSummary match={match} />
                  </li>
                ))}
              </ul>
            </details>
          )}
          {proposal.best && editable && (
            <div className="max-w-xs">
              <label htmlFor={`${id}-relation`} className={labelClass}>
                The passage…
              </label>
              <select
                id={`${id}-relation`}
                className={inputClass}
                value={choice.relation}
                onChange={(e) => onChange({ relation: e.target.value as Relation })}
              >
                <option value="supports">supports the quote</option>
                <option value="contradicts">contradicts the quote</option>
                <option value="context">gives context</option>
              </select>
            </div>
          )}
          <Actions
            id={id}
            choice={choice}
            busy={busy}
            articleHref={articleHref}
            onChange={onChange}
            onAccept={onAccept}
          />
        </>
      )}
    </li>
  );
}

function BestPassage({ match }: { match: PassageMatch }) {
  return (
    // A div, not a section: one landmark per proposal would crowd the landmark list.
    <div className="rounded border border-stone-200 bg-stone-50 p-3 text-sm">
      <h2 className="sr-only">Best passage</h2>
      <MatchSummary match={match} />
      {match.alignment.length > 0 && match.result !== "verbatim" && (
        <div className="mt-2">
          <WordComparison alignment={match.alignment} />
        </div>
      )}
      {match.notes.length > 0 && (
        <ul aria-label="Why it is not verbatim" className="mt-2 list-disc pl-5 text-stone-800">
          {match.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function MatchSummary({ match }: { match: PassageMatch }) {
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-2">
        <span className={`rounded px-2 py-0.5 text-xs font-semibold ${RESULT_CLASS[match.result]}`}>
          {RESULT_LABEL[match.result]}
        </span>
        <a
          href={`/sources/${encodeURIComponent(match.documentSlug)}?passage=${match.passageId}#passage-${match.passageId}`}
          className="font-medium text-blue-800 underline"
        >
          {match.documentTitle}
        </a>
      </p>
      <p className="text-xs text-stone-700">
        {[
          match.primary ? "Primary source" : "Secondary source",
          match.passageSpeaker && `passage speaker: ${match.passageSpeaker}`,
          `similarity ${Math.round(match.similarity * 100)}%`,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {match.spanText && <p className="font-serif text-stone-900">“{match.spanText}”</p>}
    </div>
  );
}

function Actions({
  id,
  choice,
  busy,
  articleHref,
  onChange,
  onAccept,
}: Pick<Props, "choice" | "busy" | "articleHref" | "onChange" | "onAccept"> & { id: string }) {
  if (choice.decision === "accepted") {
    return (
      <p role="status" className="text-sm font-medium text-green-900">
        Saved as a claim.{" "}
        <a href={articleHref} className="text-blue-800 underline">
          See it in the editor
        </a>
      </p>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      {choice.decision === "dismissed" ? (
        <button
          type="button"
          className={secondaryButtonClass}
          aria-describedby={`${id}-quote`}
          onClick={() => onChange({ decision: "open" })}
        >
          Undo dismiss
        </button>
      ) : (
        <>
          <button
            type="button"
            className={buttonClass}
            aria-describedby={`${id}-quote`}
            {...busyProps(busy)}
            onClick={onAccept}
          >
            {choice.decision === "saving" ? "Saving…" : "Accept"}
          </button>
          <button
            type="button"
            className={secondaryButtonClass}
            aria-describedby={`${id}-quote`}
            {...busyProps(busy)}
            onClick={() => onChange({ decision: "dismissed" })}
          >
            Dismiss
          </button>
        </>
      )}
      {choice.error && (
        <p role="alert" className="text-sm text-red-800">
          {choice.error}
        </p>
      )}
    </div>
  );
}
