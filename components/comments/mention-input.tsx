"use client";

import { useEffect, useId, useRef, useState } from "react";
import { callApi } from "@/components/editor/api-client";
import { insertMention, mentionAt, rankNames, type MentionQuery } from "@/components/comments/mention-query";
import type { Person } from "@/components/evidence/types";
import { inputClass } from "@/components/ui/styles";

type Props = { id: string; value: string; onChange: (value: string) => void; disabled?: boolean; describedBy?: string };

/**
 * A comment box that completes @names from the workspace's users: a textbox that owns a listbox
 * (the WAI-ARIA combobox pattern on a textarea). Down/Up move through the names, Enter or Tab
 * takes one, Escape closes the list; the focus stays in the text.
 */
export function MentionInput({ id, value, onChange, disabled, describedBy }: Props) {
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [users, setUsers] = useState<Person[]>([]);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!mention) return;
    let live = true;
    const timer = setTimeout(() => {
      void callApi<{ users: Person[] }>(`/api/v1/users/mentionable?q=${encodeURIComponent(mention.query)}`, {
        method: "GET",
      }).then((r) => {
        if (live && r.ok) setUsers(rankNames(r.data.users, mention.query));
      });
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [mention]);

  const open = mention !== null && dismissed !== mention.start && users.length > 0;

  function track(text: string, caret: number) {
    const found = mentionAt(text, caret);
    setMention((old) => (found && old && found.start === old.start && found.query === old.query ? old : found));
    setActive(0);
  }

  function choose(user: Person) {
    if (!mention || !box.current) return;
    const next = insertMention(value, mention, box.current.selectionStart, user.name);
    onChange(next.text);
    setMention(null);
    setUsers([]);
    requestAnimationFrame(() => box.current?.setSelectionRange(next.caret, next.caret));
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + users.length) % users.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      choose(users[active]!);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setDismissed(mention!.start);
    }
  }

  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className="relative">
      <textarea
        ref={box}
        id={id}
        value={value}
        readOnly={disabled}
        aria-disabled={disabled || undefined}
        rows={3}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(active) : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          onChange(e.target.value);
          track(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onClick={(e) => track(e.currentTarget.value, e.currentTarget.selectionStart)}
        onBlur={() => setTimeout(() => setMention(null), 150)}
        className={inputClass}
      />
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-label="People to mention"
          className="absolute z-10 mt-1 max-h-48 w-full overflow-y-auto rounded border border-stone-300 bg-white shadow"
        >
          {users.map((u, i) => (
            <li
              key={u.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => (e.preventDefault(), choose(u))}
              className={`cursor-pointer px-2 py-1 text-sm ${i === active ? "bg-blue-700 text-white" : "hover:bg-stone-100"}`}
            >
              {u.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
