"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { callApi } from "@/components/editor/api-client";
import { KIND_LABELS } from "@/components/editor/types";
import type { QueueItem } from "@/components/evidence/types";
import { ClaimInSentence } from "@/components/review/claim-in-sentence";
import { reviewShortcut } from "@/components/review/shortcuts";
import { StateBadge } from "@/components/ui/state-badge";
import { inputClass, labelClass } from "@/components/ui/styles";

type Filters = { articleId: string; verdictKey: string; editorId: string };
type Load = { status: "loading" } | { status: "failed"; message: string } | { status: "done"; items: QueueItem[] };

const when = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC"
    : "not yet submitted";

export function queueQuery(filters: Partial<Filters>): string {
  const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
  return params.size ? `?${params}` : "";
}

function uniqueBy<T>(values: T[], key: (v: T) => string): T[] {
  return [...new Map(values.map((v) => [key(v), v])).values()];
}

/** Claims waiting for review, oldest first, with filters; j/k or the arrows move, Enter opens. */
export function ReviewQueue() {
  const router = useRouter();
  const [filters, setFilters] = useState<Filters>({ articleId: "", verdictKey: "", editorId: "" });
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [seen, setSeen] = useState<QueueItem[]>([]);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    let live = true;
    void callApi<{ items: QueueItem[] }>(`/api/v1/review-queue${queueQuery(filters)}`, { method: "GET" }).then((r) => {
      if (!live) return;
      if (!r.ok) return setLoad({ status: "failed", message: r.message });
      setLoad({ status: "done", items: r.data.items });
      setSeen((old) => [...old, ...r.data.items]);
      setActive(0);
    });
    return () => {
      live = false;
    };
  }, [filters]);

  // Filter choices from every item seen, so choosing one filter does not empty the others.
  const options = useMemo(
    () => ({
      articles: uniqueBy(
        seen.map((i) => i.article),
        (a) => a.id,
      ),
      verdicts: uniqueBy(
        seen.flatMap((i) => (i.verdict ? [i.verdict] : [])),
        (v) => v.key,
      ),
      editors: uniqueBy(
        seen.flatMap((i) => (i.editor ? [i.editor] : [])),
        (e) => e.id,
      ),
    }),
    [seen],
  );
  const items = load.status === "done" ? load.items : [];

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
        true,
      );
      if ((action !== "next" && action !== "previous") || items.length === 0) return;
      event.preventDefault();
      const next = Math.max(0, Math.min(items.length - 1, active + (action === "next" ? 1 : -1)));
      setActive(next);
      list.current?.querySelectorAll<HTMLAnchorElement>("a[data-claim]")[next]?.focus();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [items.length, active]);

  const select = (key: keyof Filters, label: string, choices: { value: string; label: string }[]) => (
    <div>
      <label htmlFor={`queue-${key}`} className={labelClass}>
        {label}
      </label>
      <select
        id={`queue-${key}`}
        value={filters[key]}
        onChange={(e) => setFilters((f) => ({ ...f, [key]: e.target.value }))}
        className={`${inputClass} mt-1`}
      >
        <option value="">All</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="space-y-4">
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="sr-only">Filters</legend>
        {select(
          "articleId",
          "Article",
          options.articles.map((a) => ({ value: a.id, label: a.title })),
        )}
        {select(
          "verdictKey",
          "Verdict",
          options.verdicts.map((v) => ({ value: v.key, label: v.label })),
        )}
        {select(
          "editorId",
          "Editor",
          options.editors.map((e) => ({ value: e.id, label: e.name })),
        )}
      </fieldset>
      <div aria-live="polite" aria-busy={load.status === "loading"}>
        {load.status === "loading" && <p className="text-sm text-stone-700">Loading the queue…</p>}
        {load.status === "failed" && (
          <p role="alert" className="text-sm text-red-800">
            {load.message}
          </p>
        )}
        {load.status === "done" && items.length === 0 && (
          <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-700">
            {queueQuery(filters)
              ? "No claim waiting for review matches these filters."
              : "Nothing is waiting for review. Submitted claims appear here, oldest first."}
          </p>
        )}
      </div>
      {items.length > 0 && (
        <ol ref={list} aria-label="Claims waiting for review, oldest first" className="space-y-2">
          {items.map((item, i) => (
            <li key={item.claim.id}>
              <Link
                href={`/review/${item.claim.id}`}
                data-claim={item.claim.id}
                tabIndex={i === active ? 0 : -1}
                aria-current={i === active ? "true" : undefined}
                onFocus={() => setActive(i)}
                onKeyDown={(e) => e.key === " " && (e.preventDefault(), router.push(`/review/${item.claim.id}`))}
                className={`block rounded-lg border bg-white p-3 shadow-sm ${i === active ? "border-blue-700 ring-2 ring-blue-200" : "border-stone-200 hover:bg-stone-50"}`}
              >
                <span className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-semibold">{KIND_LABELS[item.claim.kind]}</span>
                  {item.claim.speaker && <span className="text-stone-700">· {item.claim.speaker}</span>}
                  <StateBadge state={item.claim.state} />
                  <span className="ml-auto text-xs text-stone-700">Submitted {when(item.submittedAt)}</span>
                </span>
                <ClaimInSentence sentence={item.sentence} className="mt-1 text-sm text-stone-800" />
                <span className="mt-1 block text-xs text-stone-700">
                  {item.article.title}
                  {item.editor && ` · judged by ${item.editor.name}`} · {item.verdict?.label ?? "No verdict"}
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
