"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { ImportFields } from "@/components/sources/import-fields";
import { uploadForm } from "@/components/sources/upload";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { ACCEPT_SOURCE_FILES, MAX_UPLOAD_BYTES } from "@/lib/schemas/sources";
import { busyProps } from "@/components/ui/busy";

type Imported = { slug: string; title: string; passageCount: number; docVersion: number; format: string };
type State =
  | { step: "idle" }
  | { step: "uploading"; fraction: number }
  | { step: "processing" }
  | { step: "done"; source: Imported }
  | { step: "duplicate"; message: string; existing: { slug: string; title: string } }
  | { step: "failed"; message: string; errors: Record<string, string> };

const MB = 1024 * 1024;

export function ImportSourceForm() {
  const form = useRef<HTMLFormElement>(null);
  const [mode, setMode] = useState<"file" | "paste">("file");
  const [title, setTitle] = useState("");
  const [state, setState] = useState<State>({ step: "idle" });
  const busy = state.step === "uploading" || state.step === "processing";

  async function submit(onDuplicate: "refuse" | "new_version") {
    if (!form.current) return;
    const data = new FormData(form.current);
    data.set("onDuplicate", onDuplicate);
    const file = data.get("file");
    if (mode === "paste") data.delete("file");
    else data.delete("text");
    if (mode === "file" && file instanceof File && file.size > MAX_UPLOAD_BYTES) {
      setState({
        step: "failed",
        message: `This file is over the ${MAX_UPLOAD_BYTES / MB} MB limit. Split it into smaller files.`,
        errors: {},
      });
      return;
    }
    setState({ step: "uploading", fraction: 0 });
    try {
      const answer = await uploadForm("/api/v1/sources/import", data, (fraction) =>
        setState(fraction < 1 ? { step: "uploading", fraction } : { step: "processing" }),
      );
      const body = answer.body as {
        source?: Imported;
        error?: {
          message: string;
          existing?: { slug: string; title: string };
          issues?: { path: string; message: string }[];
        };
      } | null;
      if (answer.status === 201 && body?.source) return setState({ step: "done", source: body.source });
      if (answer.status === 409 && body?.error?.existing)
        return setState({ step: "duplicate", message: body.error.message, existing: body.error.existing });
      const errors = Object.fromEntries((body?.error?.issues ?? []).map((i) => [i.path, i.message]));
      setState({
        step: "failed",
        message: body?.error?.message ?? `The import failed (HTTP ${answer.status}).`,
        errors,
      });
    } catch {
      setState({
        step: "failed",
        message: "The upload did not reach the server. Check your connection and try again.",
        errors: {},
      });
    }
  }

  const fraction =
    state.step === "uploading" ? state.fraction : state.step === "idle" || state.step === "failed" ? 0 : 1;
  return (
    <form
      ref={form}
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        void submit("refuse");
      }}
    >
      <fieldset className="space-y-3">
        <legend className="mb-2 text-lg font-semibold">The text</legend>
        <div className="flex gap-4 text-sm" role="radiogroup" aria-label="Where the text comes from">
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="mode" checked={mode === "file"} onChange={() => setMode("file")} /> Upload a file
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="mode" checked={mode === "paste"} onChange={() => setMode("paste")} /> Paste text
          </label>
        </div>
        {mode === "file" ? (
          <div>
            <label htmlFor="import-file" className={labelClass}>
              File (.txt, .md, .html or .pdf, up to {MAX_UPLOAD_BYTES / MB} MB)
            </label>
            <input
              id="import-file"
              name="file"
              type="file"
              accept={ACCEPT_SOURCE_FILES}
              required
              className="mt-1 block text-sm"
              onChange={(e) => {
                const name = e.target.files?.[0]?.name;
                if (name && !title) setTitle(name.replace(/\.[a-z0-9]+$/i, "").replace(/[-_]+/g, " "));
              }}
            />
          </div>
        ) : (
          <div>
            <label htmlFor="import-text" className={labelClass}>
              Document text
            </label>
            <textarea id="import-text" name="text" required rows={10} className={`${inputClass} mt-1 font-mono`} />
          </div>
        )}
      </fieldset>
      <ImportFields errors={state.step === "failed" ? state.errors : {}} title={title} onTitle={setTitle} />
      <div className="space-y-3">
        <button type="submit" className={buttonClass} {...busyProps(busy)}>
          {busy ? "Importing…" : "Import"}
        </button>
        {state.step !== "idle" && state.step !== "failed" && (
          <div>
            <label htmlFor="import-progress" className={labelClass}>
              Upload progress
            </label>
            <progress
              id="import-progress"
              max={100}
              value={Math.round(fraction * 100)}
              className="mt-1 w-full max-w-md"
            />
          </div>
        )}
        <div role="status" aria-live="polite" className="text-sm">
          {state.step === "uploading" && `Uploading: ${Math.round(state.fraction * 100)}%`}
          {state.step === "processing" && "Uploaded. Reading the text and splitting it into passages…"}
          {state.step === "done" && (
            <p className="text-green-800">
              Imported “{state.source.title}” from {state.source.format}: {state.source.passageCount} passages.{" "}
              <Link href={`/sources/${state.source.slug}`} className="font-semibold underline">
                Open the source and check its passages
              </Link>
            </p>
          )}
        </div>
        {state.step === "failed" && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {state.message}
          </p>
        )}
        {state.step === "duplicate" && (
          <div
            role="alert"
            className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
          >
            <p>{state.message}</p>
            <div className="flex flex-wrap gap-3">
              <button type="button" className={secondaryButtonClass} onClick={() => void submit("new_version")}>
                Import as a new version
              </button>
              <Link href={`/sources/${state.existing.slug}`} className={secondaryButtonClass}>
                Open “{state.existing.title}”
              </Link>
            </div>
          </div>
        )}
      </div>
    </form>
  );
}
