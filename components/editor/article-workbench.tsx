"use client";

import { Extension, type Editor } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ClaimDetails } from "@/components/claims/claim-details";
import { ClaimList } from "@/components/claims/claim-list";
import { NewClaimForm, type NewClaimDraft } from "@/components/claims/new-claim-form";
import { ArticleMetaForm } from "@/components/editor/article-meta-form";
import { claimMarkCss, STALE_DESCRIPTION } from "@/components/editor/claim-mark-styles";
import { claimAtSelection, findClaimRange } from "@/components/editor/claim-dom";
import { ConflictDialog } from "@/components/editor/conflict-dialog";
import { EditorToolbar } from "@/components/editor/editor-toolbar";
import { handlePaste } from "@/components/editor/paste";
import { SaveStatusBadge } from "@/components/editor/save-status";
import {
  KIND_LABELS,
  STATE_LABELS,
  type EditorArticle,
  type EditorClaim,
  type VerdictOption,
} from "@/components/editor/types";
import { useArticleSync } from "@/components/editor/use-article-sync";
import { CLAIM_MARK, setArticleClaims } from "@/lib/editor/claim-mark";
import { articleExtensions } from "@/lib/editor/extensions";
import { buildTextMap, offsetToPos, posToOffset } from "@/lib/editor/text-map";
import { trimQuotationMarks } from "@/lib/text/segmentation/speaker";
import { speakerOfWords } from "@/lib/text/quotes/quotations";

type Draft = NewClaimDraft & { start: number; end: number };
/** Transaction meta of the mark of a claim being saved: that save carries it, not an autosave. */
const CLAIM_MARKED = "sourcemark:claim-marked";
type Props = {
  article: EditorArticle;
  claims: EditorClaim[];
  verdicts: VerdictOption[];
  canEdit: boolean;
  initialClaimId?: string | null;
};

export function ArticleWorkbench({ article, claims: initialClaims, verdicts, canEdit, initialClaimId = null }: Props) {
  const sync = useArticleSync(article.id, article.version, initialClaims);
  const known = initialClaimId && initialClaims.some((c) => c.id === initialClaimId) ? initialClaimId : null;
  const [activeId, setActiveId] = useState<string | null>(known);
  const [openId, setOpenId] = useState<string | null>(known);
  // Set when the list opens a claim (Enter, double click): the panel then takes the keyboard's focus.
  const [panelFocus, setPanelFocus] = useState(false);
  // Set while the list selects a claim's words, so the selection update that follows keeps that
  // claim active instead of the innermost claim at the selection's start.
  const listPick = useRef<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [draftError, setDraftError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const startMarkRef = useRef<() => void>(() => {});
  const editorInstance = useRef<Editor | null>(null);

  const shortcuts = useMemo(
    () =>
      Extension.create({
        name: "claimShortcuts",
        addKeyboardShortcuts: () => ({ "Mod-Shift-m": () => (startMarkRef.current(), true) }),
      }),
    [],
  );
  const editor = useEditor({
    extensions: [...articleExtensions({ undoRedo: true }), shortcuts],
    content: article.body as object,
    editable: canEdit,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        class: "prose-article min-h-[50vh] space-y-4 p-4 font-serif text-lg leading-relaxed focus:outline-none",
        "aria-label": "Article text",
        "aria-multiline": "true",
        role: "textbox",
      },
      handlePaste: (_view, event): boolean =>
        editorInstance.current ? handlePaste(editorInstance.current, event, setNotice) : false,
    },
    onUpdate: ({ transaction }) => transaction.docChanged && !transaction.getMeta(CLAIM_MARKED) && sync.changed(),
    onSelectionUpdate: ({ editor: e }) => {
      const picked = listPick.current;
      listPick.current = null;
      setActiveId(picked ?? claimAtSelection(e));
    },
  });
  // The claims of this article, for the paste plugin: only they may move by cut and paste.
  useEffect(() => {
    if (editor)
      setArticleClaims(
        editor,
        sync.claims.map((c) => c.id),
      );
  }, [editor, sync.claims]);
  const { attach } = sync;
  useEffect(() => {
    editorInstance.current = editor;
    attach(editor);
  }, [editor, attach]);

  const startMark = () => {
    if (!editor || !canEdit) return;
    const { from, to } = editor.state.selection;
    if (from === to) return setNotice("Select the words of the claim first, then press Mark claim.");
    const map = buildTextMap(editor.state.doc);
    const { start, end } = trimQuotationMarks(map.text, posToOffset(map, from), posToOffset(map, to));
    const exact = map.text.slice(start, end);
    if (!exact.trim()) return setNotice("The selection holds no words to check.");
    const quoted = /[“"«‘„]\s*$/.test(map.text.slice(Math.max(0, start - 2), start));
    // The speaker Check quotes would give these words: one answer to "who said it" everywhere. It
    // is a suggestion: whatever happens finding it, the editor can still mark the claim.
    let speaker = "";
    try {
      speaker = speakerOfWords(map.text, start, end) ?? "";
    } catch (error) {
      console.error(error);
    }
    setNotice(null);
    setDraftError(null);
    setOpenId(null);
    setDraft({ exact, kind: quoted ? "quote" : "other", speaker, start, end });
  };
  useEffect(() => {
    startMarkRef.current = startMark;
  });

  async function saveDraft(d: Draft, values: NewClaimDraft) {
    if (!editor) return;
    const id = crypto.randomUUID();
    const map = buildTextMap(editor.state.doc);
    const range = { from: offsetToPos(map, d.start, "start"), to: offsetToPos(map, d.end, "end") };
    // The mark is saved by markClaim, not by an autosave of the whole body.
    editor.chain().setTextSelection(range).setMark(CLAIM_MARK, { claimId: id }).setMeta(CLAIM_MARKED, true).run();
    setPending(true);
    const result = await sync.markClaim(
      { id, kind: values.kind, speaker: values.speaker },
      { start: d.start, end: d.end, exact: map.text.slice(d.start, d.end) },
    );
    setPending(false);
    if (result.ok) {
      setDraft(null);
      setActiveId(id);
      editor.view.focus(); // back in the article, on the words just marked
      return;
    }
    const placed = findClaimRange(editor, id);
    if (placed)
      editor.view.dispatch(
        editor.state.tr
          .removeMark(placed.from, placed.to, editor.schema.marks[CLAIM_MARK]!.create({ claimId: id }))
          .setMeta("addToHistory", false),
      );
    setDraftError(result.message);
  }

  function selectClaim(id: string) {
    setActiveId(id);
    const range = editor && findClaimRange(editor, id);
    if (!editor || !range) return;
    listPick.current = id;
    editor.chain().setTextSelection(range).scrollIntoView().run();
    listPick.current = null;
  }

  async function removeClaim(id: string) {
    if (!editor || !window.confirm("Delete this claim? Its verdict and history go with it.")) return;
    const result = await sync.deleteClaim(id);
    if (!result.ok) return setNotice(result.message);
    const range = findClaimRange(editor, id);
    if (range)
      editor.view.dispatch(
        editor.state.tr
          .removeMark(range.from, range.to, editor.schema.marks[CLAIM_MARK]!.create({ claimId: id }))
          .setMeta("addToHistory", false),
      );
    setOpenId(null);
    editor.view.focus();
  }

  // Stable callbacks for the memoised claim list: a keystroke must not re-render a thousand rows.
  const openFromList = (id: string) => {
    selectClaim(id);
    setOpenId(id);
    setPanelFocus(true);
  };
  const listActions = useRef({ select: selectClaim, open: openFromList });
  useEffect(() => {
    listActions.current = { select: selectClaim, open: openFromList };
  });

  /** Closes the claim panel and puts the keyboard's focus back on the claim's row, else in the article. */
  function closePanel() {
    const id = openId;
    setOpenId(null);
    setPanelFocus(false);
    requestAnimationFrame(() => {
      const row = id
        ? document.querySelector<HTMLElement>(
            `[aria-label="Claims in document order"] button[data-claim="${CSS.escape(id)}"]`,
          )
        : null;
      if (row) row.focus();
      else editor?.view.focus();
    });
  }
  const onSelectClaim = useCallback((id: string) => listActions.current.select(id), []);
  const onOpenClaim = useCallback((id: string) => listActions.current.open(id), []);

  const open = sync.claims.find((c) => c.id === openId);
  const active = sync.claims.find((c) => c.id === activeId);
  const markCss = claimMarkCss(sync.claims, activeId);
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      {markCss && <style>{markCss}</style>}
      <div className="min-w-0 space-y-4">
        <ArticleMetaForm article={article} disabled={!canEdit} onChange={sync.changedMeta} />
        <div className="flex items-center justify-between">
          <div className="flex items-center gap-3">
            <SaveStatusBadge status={sync.status} error={sync.error} onRetry={() => void sync.flush()} />
            <span className="text-sm text-stone-700" data-testid="article-version">
              Version {sync.savedVersion}
            </span>
          </div>
          {!canEdit && <p className="text-sm text-stone-700">Read only: your role reviews, it does not edit.</p>}
        </div>
        {notice && (
          <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
            {notice}
          </p>
        )}
        <div className="rounded-lg border border-stone-300 bg-white shadow-sm">
          {editor && canEdit && <EditorToolbar editor={editor} onMarkClaim={startMark} canMark={canEdit} />}
          {editor ? (
            <EditorContent editor={editor} />
          ) : (
            <p className="p-4 text-stone-700" role="status">
              Loading the editor…
            </p>
          )}
        </div>
        {/* Says which claim the cursor is in, and whether it is stale: the marks' look, in words. */}
        <p aria-live="polite" className="min-h-5 text-sm wrap-anywhere text-stone-700" data-testid="claim-at-cursor">
          {active &&
            `Cursor in: ${KIND_LABELS[active.kind]} claim${active.speaker ? ` (${active.speaker})` : ""}, ${STATE_LABELS[active.anchorStatus === "orphaned" ? "orphaned" : active.state]}.${active.state === "stale" ? ` ${STALE_DESCRIPTION}` : ""}`}
        </p>
      </div>
      {/* Beside the article (wide screens) the panel stays in view while the article scrolls, so
          the claim the cursor is in is always shown in the list; it scrolls on its own if taller. */}
      <aside
        aria-label="Claims"
        className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto"
      >
        {draft && (
          <NewClaimForm
            key={`${draft.start}-${draft.end}`}
            draft={draft}
            pending={pending}
            error={draftError}
            onSubmit={(values) => void saveDraft(draft, values)}
            onCancel={() => {
              setDraft(null);
              editor?.view.focus();
            }}
          />
        )}
        {open && (
          <ClaimDetails
            key={open.id}
            claim={open}
            verdicts={verdicts}
            canEdit={canEdit}
            onSaved={(saved) => sync.setClaims((all) => all.map((c) => (c.id === saved.id ? saved : c)))}
            onDelete={() => void removeClaim(open.id)}
            onClose={closePanel}
            focusOnOpen={panelFocus}
          />
        )}
        {/* Rendered in the browser with the editor (which is never rendered on the server), so a
            thousand claims are not sent twice, as HTML and as data, and then hydrated. */}
        {editor ? (
          <ClaimList
            claims={sync.claims}
            verdicts={verdicts}
            activeId={activeId}
            onSelect={onSelectClaim}
            onOpen={onOpenClaim}
          />
        ) : (
          <p className="text-sm text-stone-700" role="status">
            Loading {sync.claims.length} claims…
          </p>
        )}
      </aside>
      {sync.status === "conflict" && (
        <ConflictDialog message={sync.error} unsavedText={editor?.getText({ blockSeparator: "\n\n" }) ?? ""} />
      )}
    </div>
  );
}
