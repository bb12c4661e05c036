"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { callApi } from "@/components/editor/api-client";
import { defaultRelation } from "@/components/quote-audit/labels";
import { ProposalCard, type ProposalChoice } from "@/components/quote-audit/proposal-card";
import { readNdjson } from "@/components/quote-audit/read-ndjson";
import { buttonClass, secondaryButtonClass } from "@/components/ui/styles";
import type { QuoteAuditProgress, QuoteProposal } from "@/lib/services/quote-audit/audit-quotes";
import { busyProps } from "@/components/ui/busy";

type Line =
  | QuoteAuditProgress
  | { type: "done"; version: number; proposals: QuoteProposal[]; truncated: boolean }
  | { type: "error"; message: string };
type Run =
  | { status: "finding" }
  | { status: "checking"; done: number; total: number }
  | { status: "done"; version: number; proposals: QuoteProposal[]; truncated: boolean }
  | { status: "failed"; message: string };

const choiceFor = (p: QuoteProposal): ProposalChoice => ({
  speaker: p.speaker ?? "",
  relation: defaultRelation(p.best),
  decision: "open",
  error: null,
});

/** Runs the quote audit as the page opens, shows its progress, then the proposals to accept. */
export function QuoteAudit({ articleId }: { articleId: string }) {
  const [run, setRun] = useState<Run>({ status: "finding" });
  const [choices, setChoices] = useState<ProposalChoice[]>([]);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const version = useRef(0);
  const articleHref = `/articles/${articleId}`;

  useEffect(() => {
    const abort = new AbortController();
    const onLine = (line: Line) => {
      if (line.type === "start") setRun({ status: "checking", done: 0, total: line.total });
      else if (line.type === "quotation") setRun({ status: "checking", done: line.done, total: line.total });
      else if (line.type === "error") setRun({ status: "failed", message: line.message });
      else if (line.type === "done") {
        version.current = line.version;
        setChoices(line.proposals.map(choiceFor));
        setRun({ status: "done", version: line.version, proposals: line.proposals, truncated: line.truncated });
      }
    };
    (async () => {
      const response = await fetch(`/api/v1/articles/${articleId}/quote-audit`, {
        method: "POST",
        signal: abort.signal,
      });
      if (!response.ok) {
        const payload = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setRun({ status: "failed", message: payload?.error?.message ?? `The server answered ${response.status}.` });
        return;
      }
      await readNdjson(response, (line) => onLine(line as Line));
    })().catch(() => {
      if (!abort.signal.aborted)
        setRun({ status: "failed", message: "The connection dropped before the check finished. Check again." });
    });
    return () => abort.abort();
  }, [articleId, attempt]);

  const checkAgain = () => {
    setRun({ status: "finding" });
    setNotice(null);
    setAttempt((n) => n + 1);
  };

  const change = useCallback((index: number, patch: Partial<ProposalChoice>) => {
    setChoices((all) => all.map((c, k) => (k === index ? { ...c, ...patch } : c)));
  }, []);

  async function accept(indexes: number[]) {
    if (run.status !== "done" || indexes.length === 0) return;
    setSaving(true);
    setNotice(null);
    indexes.forEach((k) => change(k, { decision: "saving", error: null }));
    const proposals = indexes.map((k) => {
      const p = run.proposals[k]!;
      const choice = choices[k]!;
      const best = p.best;
      const evidence =
        best && best.spanStart !== null && best.spanEnd !== null
          ? { passageId: best.passageId, start: best.spanStart, end: best.spanEnd, relation: choice.relation }
          : undefined;
      return { start: p.start, end: p.end, speaker: choice.speaker, evidence };
    });
    const result = await callApi<{ version: number }>(`/api/v1/articles/${articleId}/quote-audit/accept`, {
      method: "POST",
      body: { version: version.current, proposals },
    });
    setSaving(false);
    if (result.ok) {
      // Marks leave the text unchanged, so the other proposals' offsets still hold at the new version.
      version.current = result.data.version;
      indexes.forEach((k) => change(k, { decision: "accepted" }));
      setNotice({ ok: true, text: indexes.length === 1 ? "Saved 1 claim." : `Saved ${indexes.length} claims.` });
      return;
    }
    const message =
      result.status === 409
        ? "The article was saved after this check, so its quotations may have moved. Check again before accepting."
        : result.message;
    indexes.forEach((k) => change(k, { decision: "open", error: indexes.length === 1 ? message : null }));
    setNotice({ ok: false, text: message });
  }

  if (run.status === "finding" || run.status === "checking") {
    const text =
      run.status === "finding"
        ? "Finding quotations…"
        : `Checked ${run.done} of ${run.total} quotation${run.total === 1 ? "" : "s"}…`;
    return (
      <div aria-busy="true" className="space-y-2">
        <p role="status" aria-live="polite" className="text-stone-800">
          {text}
        </p>
        {run.status === "checking" && run.total > 0 && (
          <progress className="w-full max-w-md" max={run.total} value={run.done} aria-label="Quotations checked" />
        )}
      </div>
    );
  }
  if (run.status === "failed") {
    return (
      <div className="space-y-2">
        <p role="alert" className="text-red-800">
          {run.message}
        </p>
        <button type="button" className={secondaryButtonClass} onClick={checkAgain}>
          Check again
        </button>
      </div>
    );
  }
  if (run.proposals.length === 0) {
    return <p role="status">No quotations found in this article.</p>;
  }

  const acceptable = run.proposals
    .map((p, k) => ({ p, k }))
    .filter(({ p, k }) => !p.scare && !p.coveredByClaimId && choices[k]?.decision === "open")
    .map(({ k }) => k);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <p role="status" className="text-stone-800">
          {run.proposals.length} quotation{run.proposals.length === 1 ? "" : "s"} found
          {run.truncated ? " (the first ones only: the article has more than can be checked at once)" : ""}. Nothing is
          saved until you accept.
        </p>
        <button
          type="button"
          className={buttonClass}
          disabled={acceptable.length === 0}
          {...busyProps(saving)}
          onClick={() => void accept(acceptable)}
        >
          Accept all ({acceptable.length})
        </button>
        <button type="button" className={secondaryButtonClass} {...busyProps(saving)} onClick={checkAgain}>
          Check again
        </button>
      </div>
      {notice && (
        <p role={notice.ok ? "status" : "alert"} className={notice.ok ? "text-green-900" : "text-red-800"}>
          {notice.text}{" "}
          {notice.ok && (
            <a href={articleHref} className="text-blue-800 underline">
              Back to the editor
            </a>
          )}
        </p>
      )}
      <ol aria-label="Proposed quote claims" className="space-y-3">
        {run.proposals.map((proposal, k) => (
          <ProposalCard
            key={`${proposal.start}-${proposal.end}`}
            proposal={proposal}
            index={k}
            choice={choices[k]!}
            articleHref={articleHref}
            busy={saving}
            onChange={(patch) => change(k, patch)}
            onAccept={() => void accept([k])}
          />
        ))}
      </ol>
    </div>
  );
}
