"use client";

import { useEffect, useState } from "react";
import { callApi } from "@/components/editor/api-client";
import type { VerdictDefinition } from "@/components/evidence/types";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";

type Load =
  { status: "loading" } | { status: "failed"; message: string } | { status: "done"; verdicts: VerdictDefinition[] };
type Draft = Pick<VerdictDefinition, "label" | "description" | "rating" | "requiresRationale" | "archived">;

const RATINGS = [1, 2, 3, 4, 5];

function VerdictRow({ verdict, onSaved }: { verdict: VerdictDefinition; onSaved: (v: VerdictDefinition) => void }) {
  const [draft, setDraft] = useState<Draft>(verdict);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const id = `verdict-${verdict.key}`;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const changed = Object.fromEntries(Object.entries(draft).filter(([k, v]) => verdict[k as keyof Draft] !== v));
    if (Object.keys(changed).length === 0) return setMessage({ ok: true, text: "Nothing changed." });
    const result = await callApi<{ verdict: VerdictDefinition }>(
      `/api/v1/verdicts/${encodeURIComponent(verdict.key)}`,
      { method: "PATCH", body: changed },
    );
    if (!result.ok) return setMessage({ ok: false, text: result.message });
    setMessage({ ok: true, text: `“${result.data.verdict.label}” saved.` });
    onSaved(result.data.verdict);
  }

  return (
    <li className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
      <form onSubmit={save} aria-label={`Verdict ${verdict.key}`} className="grid gap-3 sm:grid-cols-[1fr_2fr_auto]">
        <div>
          <label htmlFor={`${id}-label`} className={labelClass}>
            Label
          </label>
          <input
            id={`${id}-label`}
            value={draft.label}
            onChange={(e) => set("label", e.target.value)}
            className={`${inputClass} mt-1`}
            required
          />
          <p className="mt-1 text-xs text-stone-600">
            Key: <code>{verdict.key}</code>
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-description`} className={labelClass}>
            Description
          </label>
          <textarea
            id={`${id}-description`}
            value={draft.description}
            onChange={(e) => set("description", e.target.value)}
            rows={2}
            className={`${inputClass} mt-1`}
          />
        </div>
        <div className="space-y-2">
          <div>
            <label htmlFor={`${id}-rating`} className={labelClass}>
              ClaimReview rating
            </label>
            <select
              id={`${id}-rating`}
              value={draft.rating}
              onChange={(e) => set("rating", Number(e.target.value))}
              className={`${inputClass} mt-1`}
            >
              {RATINGS.map((r) => (
                <option key={r} value={r}>
                  {r}
                  {r === 1 ? " (false)" : r === 5 ? " (true)" : ""}
                </option>
              ))}
            </select>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={draft.requiresRationale}
              onChange={(e) => set("requiresRationale", e.target.checked)}
            />
            Requires a rationale
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={draft.archived} onChange={(e) => set("archived", e.target.checked)} />
            Archived (no longer offered)
          </label>
        </div>
        <div className="flex items-center gap-3 sm:col-span-3">
          <button type="submit" className={secondaryButtonClass}>
            Save<span className="sr-only"> {verdict.label}</span>
          </button>
          {message && (
            <p
              role={message.ok ? "status" : "alert"}
              className={`text-sm ${message.ok ? "text-green-800" : "text-red-800"}`}
            >
              {message.text}
            </p>
          )}
        </div>
      </form>
    </li>
  );
}

function NewVerdictForm({ onCreated }: { onCreated: (v: VerdictDefinition) => void }) {
  const [key, setKey] = useState("");
  const [label, setLabel] = useState("");
  const [description, setDescription] = useState("");
  const [rating, setRating] = useState(3);
  const [requiresRationale, setRequiresRationale] = useState(true);
  const [message, setMessage] = useState<string | null>(null);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    const result = await callApi<{ verdict: VerdictDefinition }>("/api/v1/verdicts", {
      method: "POST",
      body: { key, label, description, rating, requiresRationale },
    });
    if (!result.ok) return setMessage(result.message);
    setKey("");
    setLabel("");
    setDescription("");
    setMessage(null);
    onCreated(result.data.verdict);
  }

  return (
    <form
      onSubmit={create}
      aria-labelledby="new-verdict-heading"
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:grid-cols-2"
    >
      <h2 id="new-verdict-heading" className="font-semibold sm:col-span-2">
        Add a verdict
      </h2>
      <div>
        <label htmlFor="new-verdict-key" className={labelClass}>
          Key (lowercase, underscores)
        </label>
        <input
          id="new-verdict-key"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          pattern="[a-z][a-z0-9_]*"
          required
          className={`${inputClass} mt-1`}
        />
      </div>
      <div>
        <label htmlFor="new-verdict-label" className={labelClass}>
          Label
        </label>
        <input
          id="new-verdict-label"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          required
          className={`${inputClass} mt-1`}
        />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="new-verdict-description" className={labelClass}>
          Description
        </label>
        <textarea
          id="new-verdict-description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={2}
          className={`${inputClass} mt-1`}
        />
      </div>
      <div>
        <label htmlFor="new-verdict-rating" className={labelClass}>
          ClaimReview rating
        </label>
        <select
          id="new-verdict-rating"
          value={rating}
          onChange={(e) => setRating(Number(e.target.value))}
          className={`${inputClass} mt-1`}
        >
          {RATINGS.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <label className="flex items-center gap-2 self-end text-sm">
        <input type="checkbox" checked={requiresRationale} onChange={(e) => setRequiresRationale(e.target.checked)} />
        Requires a rationale
      </label>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" className={buttonClass}>
          Add verdict
        </button>
        {message && (
          <p role="alert" className="text-sm text-red-800">
            {message}
          </p>
        )}
      </div>
    </form>
  );
}

/** The workspace's verdict set: labels, descriptions, ClaimReview ratings, rationale rule, archive. */
export function VerdictSetEditor() {
  const [load, setLoad] = useState<Load>({ status: "loading" });
  useEffect(() => {
    void callApi<{ verdicts: VerdictDefinition[] }>("/api/v1/verdicts?archived=1", { method: "GET" }).then((r) =>
      setLoad(r.ok ? { status: "done", verdicts: r.data.verdicts } : { status: "failed", message: r.message }),
    );
  }, []);
  if (load.status === "loading")
    return (
      <p role="status" className="text-sm text-stone-700">
        Loading the verdict set…
      </p>
    );
  if (load.status === "failed")
    return (
      <p role="alert" className="text-sm text-red-800">
        {load.message}
      </p>
    );
  const replace = (v: VerdictDefinition) =>
    setLoad({ status: "done", verdicts: load.verdicts.map((old) => (old.key === v.key ? v : old)) });
  return (
    <div className="space-y-4">
      <ol aria-label="Verdicts in the order editors see them" className="space-y-3">
        {load.verdicts.map((v) => (
          <VerdictRow key={v.key} verdict={v} onSaved={replace} />
        ))}
      </ol>
      <NewVerdictForm onCreated={(v) => setLoad({ status: "done", verdicts: [...load.verdicts, v] })} />
    </div>
  );
}
