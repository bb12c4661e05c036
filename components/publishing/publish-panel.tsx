"use client";

import Link from "next/link";
import { useCallback, useRef, useState } from "react";
import { buttonClass, dangerButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { fetchStatus, publish, setLeftOut, unpublish, type Outcome } from "@/components/publishing/publish-api";
import type { PublishStatus } from "@/lib/services/publishing/get-publish-status";
import { busyProps } from "@/components/ui/busy";

const STATE_WORDS: Record<string, string> = {
  draft: "draft",
  in_review: "in review",
  changes_requested: "changes requested",
  approved: "approved",
  rejected: "rejected",
  stale: "stale",
};
const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

/**
 * The publish dialog: what blocks publishing (each claim with its sentence and a Leave out
 * button), what is left out, and Publish / Publish update / Unpublish. It reads the status when
 * it opens, so it is never staler than the moment the editor looks.
 */
export function PublishPanel({ articleId, canPublish }: { articleId: string; canPublish: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [status, setStatus] = useState<PublishStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  // A claim left out or included moves to the other list, and its button with it: the keyboard's
  // focus moves to the sentence saying what happened, still inside the dialog.
  const said = useRef<HTMLParagraphElement>(null);

  const reload = useCallback(async () => {
    const result = await fetchStatus(articleId);
    if (result.ok) setStatus(result.value.publication);
    else setMessage({ tone: "error", text: result.message });
  }, [articleId]);

  async function run<T>(action: () => Promise<Outcome<T>>, done: (value: T) => string) {
    const focused = document.activeElement;
    setBusy(true);
    setMessage(null);
    const result = await action();
    setMessage(result.ok ? { tone: "ok", text: done(result.value) } : { tone: "error", text: result.message });
    await reload();
    setBusy(false);
    requestAnimationFrame(() => {
      if (!focused?.isConnected) said.current?.focus();
    });
  }

  function open() {
    setMessage(null);
    dialog.current?.showModal();
    void reload();
  }

  const published = status?.state === "published";
  return (
    <>
      <button type="button" className={secondaryButtonClass} onClick={open}>
        Publishing…
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="publish-title"
        className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-stone-300 p-0 shadow-xl backdrop:bg-stone-900/40"
      >
        <div className="space-y-4 p-5">
          <h2 id="publish-title" className="text-lg font-bold">
            Publish this fact-check
          </h2>
          {!status ? (
            <p role="status">Checking what can be published…</p>
          ) : (
            <>
              <p className="text-sm text-stone-700">
                {status.latest
                  ? `${published ? "Published" : "Not on the web (unpublished)"}; last snapshot #${status.latest.number} of ${when(status.latest.publishedAt)}.`
                  : "Never published."}{" "}
                {status.changedSincePublished &&
                  "The text changed since then: readers still see the published snapshot until you publish an update."}{" "}
                {status.publishableCount} {status.publishableCount === 1 ? "claim" : "claims"} would be published.
              </p>
              {status.blockers.length > 0 ? (
                <section aria-labelledby="blockers-heading">
                  <h3 id="blockers-heading" className="font-semibold text-red-900">
                    {status.blockers.length === 1
                      ? "One claim blocks publishing"
                      : `${status.blockers.length} claims block publishing`}
                  </h3>
                  <ul className="mt-2 space-y-2">
                    {status.blockers.map((b) => (
                      <ClaimRow
                        key={b.claimId}
                        action={canPublish ? "Leave out" : null}
                        disabled={busy}
                        onAction={() =>
                          run(
                            () => setLeftOut(b.claimId, true),
                            () => "Left out of publication.",
                          )
                        }
                      >
                        {b.reason}
                      </ClaimRow>
                    ))}
                  </ul>
                </section>
              ) : status.publishableCount === 0 ? (
                <p className="text-sm text-stone-800">
                  Nothing to publish yet: a fact-check needs at least one approved claim. Mark the article&apos;s
                  claims, link their evidence and have them reviewed.
                </p>
              ) : (
                <p className="text-sm text-green-900">
                  Nothing blocks publishing: every claim is approved or left out.
                </p>
              )}
              {status.others.some((c) => c.leftOut) && (
                <section aria-labelledby="left-out-heading">
                  <h3 id="left-out-heading" className="font-semibold">
                    Left out
                  </h3>
                  <ul className="mt-2 space-y-2">
                    {status.others
                      .filter((c) => c.leftOut)
                      .map((c) => (
                        <ClaimRow
                          key={c.id}
                          action={canPublish ? "Include" : null}
                          disabled={busy}
                          onAction={() =>
                            run(
                              () => setLeftOut(c.id, false),
                              () => "Included again.",
                            )
                          }
                        >
                          “{c.exact}” ({c.orphaned ? "orphaned" : STATE_WORDS[c.state]})
                        </ClaimRow>
                      ))}
                  </ul>
                </section>
              )}
              {message && (
                <p
                  ref={said}
                  tabIndex={-1}
                  role={message.tone === "error" ? "alert" : "status"}
                  className={`text-sm focus:outline-none ${message.tone === "error" ? "text-red-900" : "text-green-900"}`}
                >
                  {message.text}
                </p>
              )}
              <div className="flex flex-wrap gap-2">
                {canPublish && (
                  <button
                    type="button"
                    className={buttonClass}
                    disabled={status.blockers.length > 0 || status.publishableCount === 0}
                    {...busyProps(busy)}
                    onClick={() =>
                      run(
                        () => publish(articleId),
                        (v) => `Published snapshot #${v.published.number}.`,
                      )
                    }
                  >
                    {published ? "Publish update" : "Publish"}
                  </button>
                )}
                {canPublish && published && (
                  <button
                    type="button"
                    className={dangerButtonClass}
                    {...busyProps(busy)}
                    onClick={() =>
                      run(
                        () => unpublish(articleId),
                        () => "Unpublished: readers now get “not found”.",
                      )
                    }
                  >
                    Unpublish
                  </button>
                )}
                {published && (
                  <Link href={`/read/${articleId}`} className={secondaryButtonClass}>
                    View as a reader
                  </Link>
                )}
                <button type="button" className={secondaryButtonClass} onClick={() => dialog.current?.close()}>
                  Close
                </button>
              </div>
            </>
          )}
        </div>
      </dialog>
    </>
  );
}

/** A claim in the publish panel's lists, with the one action a publisher may take on it. */
function ClaimRow({
  children,
  action,
  disabled,
  onAction,
}: {
  children: React.ReactNode;
  /** The button's label; null when the viewer may not publish. */
  action: string | null;
  disabled: boolean;
  onAction: () => void;
}) {
  return (
    <li className="flex flex-wrap items-start justify-between gap-2 rounded border border-stone-200 p-2 text-sm">
      <span className="min-w-0 flex-1">{children}</span>
      {action && (
        <button type="button" className={secondaryButtonClass} {...busyProps(disabled)} onClick={onAction}>
          {action}
        </button>
      )}
    </li>
  );
}
