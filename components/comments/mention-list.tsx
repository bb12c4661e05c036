"use client";

import { useEffect, useState } from "react";
import { CommentBody } from "@/components/comments/comment-thread";
import { callApi } from "@/components/editor/api-client";
import type { CommentView } from "@/components/evidence/types";

type Load = { status: "loading" } | { status: "failed"; message: string } | { status: "done"; comments: CommentView[] };

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

/** Comments that mention the signed-in person, newest first, each linked to its claim. */
export function MentionList() {
  const [load, setLoad] = useState<Load>({ status: "loading" });
  useEffect(() => {
    void callApi<{ comments: CommentView[] }>("/api/v1/mentions", { method: "GET" }).then((r) =>
      setLoad(
        r.ok
          ? { status: "done", comments: [...r.data.comments].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) }
          : { status: "failed", message: r.message },
      ),
    );
  }, []);

  if (load.status === "loading")
    return (
      <p role="status" className="text-sm text-stone-700">
        Loading your mentions…
      </p>
    );
  if (load.status === "failed")
    return (
      <p role="alert" className="text-sm text-red-800">
        {load.message}
      </p>
    );
  if (load.comments.length === 0)
    return (
      <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-700">
        Nobody has mentioned you yet. When someone writes @ and your name in a claim’s comments, it shows here.
      </p>
    );
  return (
    <ol aria-label="Comments that mention you, newest first" className="space-y-2">
      {load.comments.map((c) => (
        <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
          <p className="text-xs text-stone-700">
            <span className="font-semibold text-stone-900">{c.author.name}</span> ·{" "}
            <time dateTime={c.createdAt}>{when(c.createdAt)}</time>
          </p>
          <CommentBody body={c.body} mentions={c.mentions} />
          <a
            href={`/articles/${c.articleId}${c.claimId ? `?claim=${c.claimId}` : ""}`}
            className="mt-1 inline-block text-sm text-blue-800 underline"
          >
            Open the {c.claimId ? "claim" : "article"}
          </a>
        </li>
      ))}
    </ol>
  );
}
