"use client";

import { useState } from "react";
import { MentionInput } from "@/components/comments/mention-input";
import { callApi } from "@/components/editor/api-client";
import type { CommentView } from "@/components/evidence/types";
import { buttonClass, labelClass } from "@/components/ui/styles";
import { busyProps } from "@/components/ui/busy";

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

/** A comment body with its @mentions set apart (as text, never HTML). */
export function CommentBody({ body, mentions }: { body: string; mentions: { name: string }[] }) {
  const names = mentions.map((m) => m.name).sort((a, b) => b.length - a.length);
  if (names.length === 0) return <p className="whitespace-pre-wrap text-sm wrap-anywhere">{body}</p>;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const parts = body.split(new RegExp(`(@(?:${escaped.join("|")}))`, "g"));
  return (
    <p className="whitespace-pre-wrap text-sm wrap-anywhere">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <strong key={i} className="font-semibold text-blue-900">
            {part}
          </strong>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </p>
  );
}

/** The claim's comment thread, oldest first, and a box to add to it with @mentions. */
export function CommentThread({
  claimId,
  comments,
  canComment,
  onPosted,
}: {
  claimId: string;
  comments: CommentView[];
  canComment: boolean;
  onPosted: () => void;
}) {
  const [body, setBody] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const inputId = `comment-${claimId}`;

  async function post(event: React.FormEvent) {
    event.preventDefault();
    if (!body.trim()) return setMessage({ ok: false, text: "Write a comment first." });
    setPending(true);
    const result = await callApi<{ comment: CommentView }>(`/api/v1/claims/${claimId}/comments`, {
      method: "POST",
      body: { body },
    });
    setPending(false);
    if (!result.ok) return setMessage({ ok: false, text: result.message });
    setBody("");
    setMessage({
      ok: true,
      text:
        result.data.comment.mentions.length > 0
          ? `Comment posted; ${result.data.comment.mentions.map((m) => m.name).join(", ")} will see it in their mentions.`
          : "Comment posted.",
    });
    onPosted();
  }

  return (
    <section aria-labelledby={`${inputId}-heading`} className="space-y-2">
      <h3 id={`${inputId}-heading`} className="text-sm font-semibold">
        Comments ({comments.length})
      </h3>
      {comments.length === 0 ? (
        <p className="text-sm text-stone-700">No comments yet.</p>
      ) : (
        <ol aria-label="Comments, oldest first" className="space-y-2">
          {comments.map((c) => (
            <li key={c.id} className="rounded border border-stone-200 bg-white p-2">
              <p className="text-xs text-stone-600">
                <span className="font-semibold text-stone-800">{c.author.name}</span> ·{" "}
                <time dateTime={c.createdAt}>{when(c.createdAt)}</time>
              </p>
              <CommentBody body={c.body} mentions={c.mentions} />
            </li>
          ))}
        </ol>
      )}
      {canComment && (
        <form onSubmit={post} aria-label="New comment" className="space-y-2">
          <label htmlFor={inputId} className={labelClass}>
            Add a comment
          </label>
          <p id={`${inputId}-help`} className="text-xs text-stone-700">
            Type @ and a name to mention someone; arrow keys choose, Enter takes the name.
          </p>
          <MentionInput
            id={inputId}
            value={body}
            onChange={setBody}
            disabled={pending}
            describedBy={`${inputId}-help`}
          />
          <button type="submit" className={buttonClass} {...busyProps(pending)}>
            {pending ? "Posting…" : "Post comment"}
          </button>
          {message && (
            <p
              role={message.ok ? "status" : "alert"}
              className={`text-sm ${message.ok ? "text-green-800" : "text-red-800"}`}
            >
              {message.text}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
