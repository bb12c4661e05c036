"use client";

import type { Editor } from "@tiptap/core";

type Tool = { label: string; shortcut?: string; run: () => void; active?: boolean; disabled?: boolean };

export function EditorToolbar({
  editor,
  onMarkClaim,
  canMark,
}: {
  editor: Editor;
  onMarkClaim: () => void;
  canMark: boolean;
}) {
  const chain = () => editor.chain().focus();
  const tools: Tool[] = [
    { label: "Bold", shortcut: "Ctrl+B", run: () => chain().toggleBold().run(), active: editor.isActive("bold") },
    { label: "Italic", shortcut: "Ctrl+I", run: () => chain().toggleItalic().run(), active: editor.isActive("italic") },
    { label: "Heading", run: () => chain().toggleHeading({ level: 2 }).run(), active: editor.isActive("heading") },
    { label: "Quote block", run: () => chain().toggleBlockquote().run(), active: editor.isActive("blockquote") },
    { label: "List", run: () => chain().toggleBulletList().run(), active: editor.isActive("bulletList") },
    { label: "Undo", shortcut: "Ctrl+Z", run: () => chain().undo().run(), disabled: !editor.can().undo() },
    { label: "Redo", shortcut: "Ctrl+Shift+Z", run: () => chain().redo().run(), disabled: !editor.can().redo() },
  ];
  return (
    <div
      role="toolbar"
      aria-label="Formatting and claims"
      className="flex flex-wrap items-center gap-1 border-b border-stone-200 bg-stone-50 p-2"
    >
      {tools.map((tool) => (
        <button
          key={tool.label}
          type="button"
          onClick={tool.run}
          disabled={tool.disabled}
          aria-pressed={tool.active === undefined ? undefined : tool.active}
          title={tool.shortcut ? `${tool.label} (${tool.shortcut})` : tool.label}
          className="rounded px-2 py-1 text-sm hover:bg-stone-200 disabled:opacity-40 aria-pressed:bg-stone-300"
        >
          {tool.label}
        </button>
      ))}
      <button
        type="button"
        onClick={onMarkClaim}
        disabled={!canMark}
        title="Mark the selected words as a claim (Ctrl+Shift+M)"
        aria-keyshortcuts="Control+Shift+M"
        className="ml-auto rounded bg-amber-200 px-3 py-1 text-sm font-semibold text-amber-950 hover:bg-amber-300 disabled:opacity-40"
      >
        Mark claim
      </button>
    </div>
  );
}
