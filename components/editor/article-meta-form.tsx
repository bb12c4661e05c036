"use client";

import { useState } from "react";
import type { EditorArticle } from "@/components/editor/types";
import { inputClass, labelClass } from "@/components/ui/styles";

const FIELDS = [
  { name: "outlet", label: "Outlet" },
  { name: "byline", label: "Byline" },
  { name: "dateline", label: "Dateline" },
  { name: "canonicalUrl", label: "Canonical URL" },
] as const;

/** Article metadata; every change rides along with the next autosave. */
export function ArticleMetaForm({
  article,
  disabled,
  onChange,
}: {
  article: EditorArticle;
  disabled: boolean;
  onChange: (fields: Record<string, unknown>) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <div className="space-y-2">
      <label htmlFor="article-title" className="sr-only">
        Title
      </label>
      {/* A textarea so a long headline wraps; Enter does not add a line break to a title. */}
      <textarea
        id="article-title"
        defaultValue={article.title}
        disabled={disabled}
        rows={1}
        onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
        onChange={(e) => onChange({ title: e.target.value.replace(/\s*\n\s*/g, " ") })}
        className="field-sizing-content w-full resize-none rounded border border-transparent bg-transparent px-1 text-2xl font-bold hover:border-stone-300 focus:border-blue-700"
      />
      <button
        type="button"
        className="text-sm text-blue-800 underline"
        aria-expanded={open}
        aria-controls="article-meta"
        onClick={() => setOpen(!open)}
      >
        {open ? "Hide details" : "Show details (outlet, byline, dateline, URL)"}
      </button>
      {open && (
        <fieldset id="article-meta" disabled={disabled} className="grid gap-3 sm:grid-cols-2">
          {FIELDS.map((f) => (
            <div key={f.name}>
              <label htmlFor={`article-${f.name}`} className={labelClass}>
                {f.label}
              </label>
              <input
                id={`article-${f.name}`}
                defaultValue={article[f.name] ?? ""}
                onChange={(e) => onChange({ [f.name]: e.target.value || null })}
                className={`${inputClass} mt-1`}
              />
            </div>
          ))}
        </fieldset>
      )}
    </div>
  );
}
