"use client";

import { EditorContent, useEditor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/editor/api-client";
import { readArticleFile } from "@/components/editor/import-content";
import { handlePaste } from "@/components/editor/paste";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { paragraphsToDoc } from "@/lib/editor/body";
import { articleExtensions } from "@/lib/editor/extensions";
import { splitGluedParagraphs, type RemovedText } from "@/lib/text/segmentation/paragraphs";
import { busyProps } from "@/components/ui/busy";

const META = [
  { name: "outlet", label: "Outlet", type: "text" },
  { name: "byline", label: "Byline", type: "text" },
  { name: "dateline", label: "Dateline", type: "text" },
  { name: "publishedAt", label: "Published (e.g. 2025-12-26T21:12:00+05:30)", type: "text" },
  { name: "canonicalUrl", label: "Canonical URL", type: "url" },
] as const;

export function ImportArticleForm() {
  const router = useRouter();
  const [meta, setMeta] = useState<Record<string, string>>({ title: "" });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [removed, setRemoved] = useState<RemovedText[]>([]);
  const [pending, setPending] = useState(false);
  const editor = useEditor({
    extensions: articleExtensions({ undoRedo: true }),
    immediatelyRender: false,
    editorProps: {
      attributes: {
        class: "min-h-64 space-y-3 p-3 font-serif focus:outline-none",
        "aria-label": "Article text to import",
        role: "textbox",
        "aria-multiline": "true",
      },
      handlePaste: (_view, event): boolean =>
        editor ? handlePaste(editor, event, (text) => setMessage({ ok: false, text })) : false,
    },
  });

  async function onFile(file: File | undefined) {
    if (!file || !editor) return;
    const read = await readArticleFile(file);
    if (!read.ok) return setMessage({ ok: false, text: read.message });
    editor.commands.setContent(read.content);
    const fromHeader: Record<string, string | undefined> = {
      outlet: read.meta.outlet,
      byline: read.meta.byline,
      dateline: read.meta.dateline,
      publishedAt: read.meta.published,
      title: read.meta.headline?.startsWith("(") ? undefined : read.meta.headline,
    };
    const filled: Record<string, string> = {};
    for (const [key, value] of Object.entries(fromHeader)) if (value) filled[key] = value;
    setMeta((m) => ({ ...m, ...filled }));
    setMessage({ ok: true, text: `Loaded ${file.name}. Check the text, then create the article.` });
  }

  function splitGlued() {
    if (!editor) return;
    const result = splitGluedParagraphs(editor.getText({ blockSeparator: "\n\n" }));
    editor.commands.setContent(paragraphsToDoc(result.paragraphs));
    setRemoved(result.removed);
    setMessage({
      ok: true,
      text: `Split into ${result.paragraphs.length} paragraphs; ${result.removed.length} pieces of page furniture removed.`,
    });
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!editor) return;
    setPending(true);
    const body = { ...meta, publishedAt: meta.publishedAt || null, body: editor.getJSON() };
    const result = await callApi<{ article: { id: string } }>("/api/v1/articles", { method: "POST", body });
    setPending(false);
    if (result.ok) router.push(`/articles/${result.data.article.id}`);
    else setMessage({ ok: false, text: result.message });
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-labelledby="import-heading">
      <h1 id="import-heading" className="text-2xl font-bold">
        Import an article
      </h1>
      <div>
        <label htmlFor="meta-title" className={labelClass}>
          Title
        </label>
        <input
          id="meta-title"
          required
          value={meta.title ?? ""}
          onChange={(e) => setMeta({ ...meta, title: e.target.value })}
          className={`${inputClass} mt-1`}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {META.map((f) => (
          <div key={f.name}>
            <label htmlFor={`meta-${f.name}`} className={labelClass}>
              {f.label}
            </label>
            <input
              id={`meta-${f.name}`}
              type={f.type}
              value={meta[f.name] ?? ""}
              onChange={(e) => setMeta({ ...meta, [f.name]: e.target.value })}
              className={`${inputClass} mt-1`}
            />
          </div>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor="article-file" className={labelClass}>
          Upload a .txt, .md or .html file
        </label>
        <input
          id="article-file"
          type="file"
          accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
          onChange={(e) => void onFile(e.target.files?.[0])}
          className="text-sm"
        />
        <button type="button" className={secondaryButtonClass} onClick={splitGlued}>
          Split glued paragraphs
        </button>
      </div>
      <p className="text-sm text-stone-700">
        Or paste the article below (plain text, HTML or Markdown), or type it. Scripts, styles, frames and unsafe links
        are dropped.
      </p>
      <div className="rounded-lg border border-stone-300 bg-white">
        {editor ? (
          <EditorContent editor={editor} />
        ) : (
          <p className="p-3" role="status">
            Loading the editor…
          </p>
        )}
      </div>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-green-800" : "text-red-800"}`}
        >
          {message.text}
        </p>
      )}
      {removed.length > 0 && (
        <details className="text-sm">
          <summary>Removed page furniture ({removed.length})</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {removed.map((r, i) => (
              <li key={i}>
                <span className="font-medium">{r.kind}:</span> {r.text}
              </li>
            ))}
          </ul>
        </details>
      )}
      <button type="submit" className={buttonClass} {...busyProps(pending)}>
        {pending ? "Creating…" : "Create article"}
      </button>
    </form>
  );
}
