"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { CommentThread } from "@/components/comments/comment-thread";
import { callApi } from "@/components/editor/api-client";
import { KIND_LABELS, STATE_LABELS } from "@/components/editor/types";
import { CompetingWordings } from "@/components/evidence/competing-wordings";
import { EvidenceCard } from "@/components/evidence/evidence-card";
import type { QueueItem, VerdictDefinition } from "@/components/evidence/types";
import { ClaimHistory } from "@/components/review/claim-history";
import { ClaimInSentence } from "@/components/review/claim-in-sentence";
import { ReviewActions, type ReviewActionsHandle } from "@/components/review/review-actions";
import { reviewShortcut } from "@/components/review/shortcuts";
import { StaleChanges } from "@/components/review/stale-changes";
import { useDossier } from "@/components/review/use-dossier";
import { StateBadge } from "@/components/ui/state-badge";

/** One claim under review: everything a reviewer needs to decide, and the decision. */
export function ReviewDesk({ claimId }: { claimId: string }) {
  const router = useRouter();
  const { state, reload } = useDossier(claimId);
  const [queue, setQueue] = useState<QueueItem[] | null>(null);
  const [verdicts, setVerdicts] = useState<VerdictDefinition[]>([]);
  const actions = useRef<ReviewActionsHandle>(null);

  // The queue as it was on arrival, for next/previous: a decided claim leaves the live queue.
  useEffect(() => {
    void callApi<{ items: QueueItem[] }>("/api/v1/review-queue", { method: "GET" }).then(
      (r) => r.ok && setQueue(r.data.items),
    );
    void callApi<{ verdicts: VerdictDefinition[] }>("/api/v1/verdicts", { method: "GET" }).then(
      (r) => r.ok && setVerdicts(r.data.verdicts),
    );
  }, []);

  const index = queue?.findIndex((i) => i.claim.id === claimId) ?? -1;
  const neighbour = (step: number) => (queue && index >= 0 ? queue[index + step] : queue?.[0]);
  const next = neighbour(1);
  const previous = index > 0 ? neighbour(-1) : undefined;

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const action = reviewShortcut(
        {
          key: event.key,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          altKey: event.altKey,
          target: event.target as HTMLElement | null,
        },
        false,
      );
      if (!action) return;
      event.preventDefault();
      if (action === "next" && next) router.push(`/review/${next.claim.id}`);
      if (action === "previous" && previous) router.push(`/review/${previous.claim.id}`);
      if (action === "approve") actions.current?.approve();
      if (action === "request_changes") actions.current?.requestChanges();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [next, previous, router]);

  if (state.status === "loading") return <p role="status">Loading the claim…</p>;
  if (state.status === "failed")
    return (
      <p role="alert" className="text-red-800">
        {state.message}{" "}
        <Link href="/review" className="underline">
          Back to the queue
        </Link>
      </p>
    );
  const { dossier } = state;
  const { claim } = dossier;
  const item = queue?.find((i) => i.claim.id === claimId);
  const verdict = verdicts.find((v) => v.key === claim.verdictKey);

  return (
    <div className="space-y-4">
      <nav aria-label="Queue" className="flex flex-wrap items-center gap-3 text-sm">
        <Link href="/review" className="underline">
          ← Review queue
        </Link>
        {queue && index >= 0 && (
          <span className="text-stone-700">
            {index + 1} of {queue.length}
          </span>
        )}
        {previous && (
          <Link href={`/review/${previous.claim.id}`} className="underline" aria-keyshortcuts="k">
            Previous (k)
          </Link>
        )}
        {next && (
          <Link href={`/review/${next.claim.id}`} className="underline" aria-keyshortcuts="j">
            Next (j)
          </Link>
        )}
      </nav>
      <h1 className="flex flex-wrap items-center gap-2 text-xl font-bold">
        Review: {KIND_LABELS[claim.kind]} claim{claim.speaker ? ` (${claim.speaker})` : ""}
        <StateBadge state={claim.anchorStatus === "orphaned" ? "orphaned" : claim.state} />
      </h1>
      <p className="text-sm text-stone-700">
        In{" "}
        <Link href={`/articles/${dossier.article.id}?claim=${claim.id}`} className="underline">
          {dossier.article.title}
        </Link>
        {item?.editor && ` · judged by ${item.editor.name}`}
      </p>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4">
          <section
            aria-labelledby="sentence-heading"
            className="space-y-2 rounded-lg border border-stone-200 bg-white p-3"
          >
            <h2 id="sentence-heading" className="font-semibold">
              The claim in its sentence
            </h2>
            <ClaimInSentence sentence={dossier.sentence} className="text-lg" />
          </section>
          {claim.state === "stale" && claim.staleDetail && <StaleChanges detail={claim.staleDetail} />}
          <section
            aria-labelledby="verdict-heading"
            className="space-y-1 rounded-lg border border-stone-200 bg-white p-3"
          >
            <h2 id="verdict-heading" className="font-semibold">
              Verdict and rationale
            </h2>
            <p data-testid="review-verdict">
              <span className="font-semibold">
                {verdict?.label ?? item?.verdict?.label ?? claim.verdictKey ?? "No verdict"}
              </span>
              {verdict?.description && <span className="text-sm text-stone-700"> — {verdict.description}</span>}
            </p>
            <p className="whitespace-pre-wrap text-sm wrap-anywhere" data-testid="review-rationale">
              {claim.rationale || "No rationale given."}
            </p>
          </section>
          <CompetingWordings data={dossier.competingWordings} />
          <section aria-labelledby="review-evidence-heading" className="space-y-2">
            <h2 id="review-evidence-heading" className="font-semibold">
              Evidence ({dossier.evidence.length})
            </h2>
            {dossier.evidence.length === 0 ? (
              <p className="text-sm text-stone-700">No evidence is linked to this claim.</p>
            ) : (
              <ul aria-label="Evidence" className="space-y-2">
                {dossier.evidence.map((e) => (
                  <li key={e.id}>
                    <EvidenceCard evidence={e} claimText={claim.exact} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside aria-label="Decision and discussion" className="space-y-4">
          <ReviewActions
            ref={actions}
            claim={claim}
            canReview={dossier.permissions.canReview}
            blockedReason={dossier.permissions.reviewBlockedReason}
            onDecided={reload}
          />
          <section
            aria-labelledby="keys-heading"
            className="rounded border border-stone-200 bg-white p-2 text-xs text-stone-700"
          >
            <h2 id="keys-heading" className="font-semibold text-stone-900">
              Keyboard
            </h2>
            <p>
              <kbd>j</kbd> next claim · <kbd>k</kbd> previous · <kbd>a</kbd> approve · <kbd>r</kbd> request changes
              (write the comment, then Ctrl+Enter). Keys do nothing while you type in a field.
            </p>
          </section>
          {dossier.reviews.length > 0 && (
            <section aria-labelledby="reviews-heading" className="space-y-1">
              <h2 id="reviews-heading" className="text-sm font-semibold">
                Earlier reviews
              </h2>
              <ul className="space-y-1 text-sm">
                {dossier.reviews.map((r) => (
                  <li key={r.id}>
                    <span className="font-medium">{r.reviewer.name}</span>: {r.decision.replace("_", " ")}
                    {r.comment && (
                      <span className="block whitespace-pre-wrap text-stone-700 wrap-anywhere">{r.comment}</span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <ClaimHistory history={dossier.history} />
          <CommentThread
            claimId={claim.id}
            comments={dossier.comments}
            canComment={dossier.permissions.canComment}
            onPosted={reload}
          />
          <p className="text-xs text-stone-600">State: {STATE_LABELS[claim.state]}</p>
        </aside>
      </div>
    </div>
  );
}
