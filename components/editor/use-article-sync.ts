"use client";

import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useRef, useState } from "react";
import { callApi, type ApiResult } from "@/components/editor/api-client";
import type { EditorClaim } from "@/components/editor/types";
import { insertInDocumentOrder } from "@/lib/editor/claim-order";

export type SaveStatus = "saved" | "unsaved" | "saving" | "failed" | "conflict";
type Saved = { version: number; claims: EditorClaim[] };
type ClaimSaved = { version: number; claim: EditorClaim; claims?: EditorClaim[] };

/**
 * Someone saved the article since this editor loaded it: saving more would overwrite them, so
 * saves stop until a reload. The server says so with the version it holds; any other refusal
 * (a race with another change, which the server answers 409 too) is a failed save to retry.
 */
const isVersionConflict = (result: { status: number; currentVersion?: number }) =>
  result.status === 409 && result.currentVersion !== undefined;

/** Debounce before an autosave: long enough to batch a burst of typing, short enough to feel live. */
export const AUTOSAVE_DELAY_MS = 800;

/**
 * Keeps the server in step with the editor: debounced autosave, one request at a time (so
 * versions never race), a conflict state that keeps the user's text, and a warning before
 * leaving with unsaved changes.
 */
export function useArticleSync(articleId: string, initialVersion: number, initialClaims: EditorClaim[]) {
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [error, setError] = useState<string | null>(null);
  const [claims, setClaims] = useState(initialClaims);
  const version = useRef(initialVersion);
  // The same number for display: a ref does not re-render the "Version n" the editor shows.
  const [savedVersion, setSavedVersion] = useState(initialVersion);
  const dirty = useRef(false);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const editorRef = useRef<Editor | null>(null);
  const blocked = useRef(false);
  const meta = useRef<Record<string, unknown>>({});

  const apply = useCallback(
    (result: ApiResult<{ version: number; claims?: EditorClaim[] }>, sentDirty: boolean): boolean => {
      if (result.ok) {
        version.current = result.data.version;
        setSavedVersion(result.data.version);
        if (result.data.claims) setClaims(result.data.claims);
        setError(null);
        setStatus(dirty.current ? "unsaved" : "saved");
        return true;
      }
      if (sentDirty) dirty.current = true;
      if (isVersionConflict(result)) {
        blocked.current = true;
        setStatus("conflict");
      } else setStatus("failed");
      setError(result.message);
      return false;
    },
    [],
  );

  /** Runs `task` after every earlier request has finished: one request in flight at a time. */
  const exclusive = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const next = chain.current.then(task, task);
    chain.current = next.catch(() => undefined);
    return next;
  }, []);

  const flush = useCallback(
    () =>
      exclusive(async () => {
        const editor = editorRef.current;
        if (!editor || !dirty.current || blocked.current) return;
        dirty.current = false;
        setStatus("saving");
        const result = await callApi<Saved>(`/api/v1/articles/${articleId}`, {
          method: "PATCH",
          body: { ...meta.current, version: version.current, body: editor.getJSON() },
        });
        apply(result, true);
      }),
    [apply, articleId, exclusive],
  );

  const changed = useCallback(() => {
    dirty.current = true;
    if (!blocked.current) setStatus("unsaved");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [flush]);

  /**
   * Saves a claim the editor has just marked, in turn with autosaves. With no unsaved edits the
   * server's body is the editor's minus the new mark, so only the claim and its offsets are sent
   * (the server puts the mark in and answers with the claim alone). With unsaved edits the whole
   * body goes, so the edits and the claim are saved together, as one action.
   */
  const markClaim = useCallback(
    (
      claim: { id: string; kind: EditorClaim["kind"]; speaker: string },
      range: { start: number; end: number; exact: string },
    ): Promise<ApiResult<ClaimSaved>> =>
      exclusive(async () => {
        const editor = editorRef.current;
        if (!editor || blocked.current)
          return { ok: false as const, status: 0, message: "Resolve the conflict first." };
        clearTimeout(timer.current);
        const wasDirty = dirty.current;
        dirty.current = false;
        setStatus("saving");
        const path = `/api/v1/articles/${articleId}/claims`;
        const body = wasDirty
          ? { version: version.current, claim, body: editor.getJSON() }
          : { version: version.current, claim, ...range };
        const result = await callApi<ClaimSaved>(path, { method: "POST", body });
        if (!result.ok && wasDirty) dirty.current = true;
        apply(result, false);
        // Without a body nothing else moved: the claim joins the list as the server answered it.
        if (result.ok && !result.data.claims) setClaims((current) => insertInDocumentOrder(current, result.data.claim));
        return result;
      }),
    [apply, articleId, exclusive],
  );

  /** Deletes a claim on the server once pending edits are saved; the caller then drops its mark. */
  const deleteClaim = useCallback(
    async (claimId: string) => {
      await flush();
      return exclusive(async () => {
        const result = await callApi<{ version: number }>(
          `/api/v1/claims/${claimId}?articleVersion=${version.current}`,
          { method: "DELETE" },
        );
        if (result.ok) {
          version.current = result.data.version;
          setSavedVersion(result.data.version);
          setClaims((all) => all.filter((c) => c.id !== claimId));
        } else if (isVersionConflict(result)) {
          blocked.current = true;
          setStatus("conflict");
          setError(result.message);
        } else setError(result.message);
        return result;
      });
    },
    [exclusive, flush],
  );

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current || blocked.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  // Leaving through an in-app link fires no beforeunload: save what is pending on the way out
  // (the page's JavaScript lives on, so the request completes).
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (dirty.current) void flush();
    },
    [flush],
  );

  const changedMeta = useCallback(
    (fields: Record<string, unknown>) => {
      meta.current = { ...meta.current, ...fields };
      changed();
    },
    [changed],
  );

  const attach = useCallback((editor: Editor | null) => {
    editorRef.current = editor;
  }, []);

  return {
    status,
    error,
    claims,
    setClaims,
    attach,
    changed,
    changedMeta,
    flush,
    markClaim,
    deleteClaim,
    version,
    savedVersion,
  };
}
