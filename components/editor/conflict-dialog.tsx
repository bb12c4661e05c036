"use client";

import { useEffect, useRef } from "react";
import { buttonClass } from "@/components/ui/styles";

/** Someone saved first: nothing is overwritten, and the user's own text is handed back to them. */
export function ConflictDialog({ message, unsavedText }: { message: string | null; unsavedText: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby="conflict-title"
      className="m-auto max-w-2xl rounded-lg p-6 shadow-xl backdrop:bg-black/40"
    >
      <h2 id="conflict-title" className="text-lg font-bold">
        This article changed while you were editing
      </h2>
      <p className="mt-2 text-stone-800">
        {message ?? "Someone saved a newer version."} Nothing of theirs or yours has been overwritten.
      </p>
      <p className="mt-2 text-stone-800">
        Copy your text below, reload to get the latest version, then put your changes back in.
      </p>
      <label htmlFor="conflict-text" className="mt-4 block text-sm font-medium">
        Your unsaved text
      </label>
      <textarea
        id="conflict-text"
        readOnly
        value={unsavedText}
        rows={10}
        className="mt-1 w-full rounded border border-stone-400 p-2 font-mono text-sm"
      />
      <div className="mt-4 flex gap-3">
        <button type="button" className={buttonClass} onClick={() => navigator.clipboard?.writeText(unsavedText)}>
          Copy my text
        </button>
        <button type="button" className={buttonClass} onClick={() => window.location.reload()}>
          Reload the latest version
        </button>
      </div>
    </dialog>
  );
}
