"use client";

import { useRef, useState, useTransition } from "react";
import {
  mergePassagesAction,
  setPassageSpeakerAction,
  splitPassageAction,
} from "@/app/(workbench)/sources/[slug]/actions";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { busyProps } from "@/components/ui/busy";

type Props = { passageId: string; ordinal: number; text: string; speaker: string | null; isLast: boolean };
type Panel = "none" | "split" | "speaker";

/** The editor's fixes for one passage: merge with the next, split at the cursor, change the speaker. */
export function PassageTools({ passageId, ordinal, text, speaker, isLast }: Props) {
  const [panel, setPanel] = useState<Panel>("none");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const splitArea = useRef<HTMLTextAreaElement>(null);
  const [speakerValue, setSpeakerValue] = useState(speaker ?? "");
  const n = ordinal + 1;

  const run = (action: () => Promise<{ ok: boolean; message?: string }>) =>
    startTransition(async () => {
      const result = await action();
      setMessage({ ok: result.ok, text: result.message ?? (result.ok ? "Saved." : "That did not work.") });
      if (result.ok) setPanel("none");
    });

  return (
    <div className="mt-2 space-y-2 border-t border-stone-100 pt-2">
      <div className="flex flex-wrap gap-2">
        {!isLast && (
          <button
            type="button"
            className={secondaryButtonClass}
            {...busyProps(pending)}
            onClick={() => run(() => mergePassagesAction({ passageId }))}
          >
            Merge passage {n} with the next
          </button>
        )}
        <button
          type="button"
          className={secondaryButtonClass}
          aria-expanded={panel === "split"}
          onClick={() => setPanel(panel === "split" ? "none" : "split")}
        >
          Split passage {n}…
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          aria-expanded={panel === "speaker"}
          onClick={() => setPanel(panel === "speaker" ? "none" : "speaker")}
        >
          Change speaker of passage {n}…
        </button>
      </div>
      {panel === "split" && (
        <div className="space-y-2">
          <label htmlFor={`split-${passageId}`} className={labelClass}>
            Put the cursor where passage {n} should split
          </label>
          <textarea
            id={`split-${passageId}`}
            ref={splitArea}
            readOnly
            defaultValue={text}
            rows={Math.min(12, Math.ceil(text.length / 90) + 1)}
            className={`${inputClass} font-serif`}
          />
          <button
            type="button"
            className={buttonClass}
            {...busyProps(pending)}
            onClick={() => {
              const at = splitArea.current?.selectionStart ?? 0;
              run(() => splitPassageAction({ passageId, at }));
            }}
          >
            Split at the cursor
          </button>
        </div>
      )}
      {panel === "speaker" && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => setPassageSpeakerAction({ passageId, speaker: speakerValue }));
          }}
        >
          <div>
            <label htmlFor={`speaker-${passageId}`} className={labelClass}>
              Speaker of passage {n} (empty for none)
            </label>
            <input
              id={`speaker-${passageId}`}
              value={speakerValue}
              onChange={(e) => setSpeakerValue(e.target.value)}
              maxLength={120}
              className={`${inputClass} mt-1`}
            />
          </div>
          <button type="submit" className={buttonClass} {...busyProps(pending)}>
            Save speaker
          </button>
        </form>
      )}
      <p role="status" className={message?.ok === false ? "text-sm text-red-800" : "text-sm text-green-800"}>
        {pending ? "Saving…" : message?.text}
      </p>
    </div>
  );
}
