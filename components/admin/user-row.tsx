"use client";

import { useState, useTransition } from "react";
import { updateUserAction } from "@/app/(workbench)/admin/users/actions";
import { secondaryButtonClass } from "@/components/ui/styles";
import { busyProps } from "@/components/ui/busy";

type User = { id: string; email: string; name: string; role: string; disabled: boolean };

export function UserRow({ user, isSelf }: { user: User; isSelf: boolean }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // The role shown is the role saved: a change refused, or made while another saves (the
  // controls stay focusable then, so a second change could come), does not stay on screen.
  const [role, setRole] = useState(user.role);
  const save = (change: { role?: string; disabled?: boolean }) => {
    if (pending) return;
    if (change.role) setRole(change.role);
    start(async () => {
      const result = await updateUserAction({ userId: user.id, ...change });
      setMessage({ ok: result.ok, text: result.message ?? "" });
      if (!result.ok && change.role) setRole(user.role);
    });
  };
  return (
    <tr className={user.disabled ? "text-stone-500" : undefined}>
      <td className="p-2">{user.name}</td>
      <td className="p-2">{user.email}</td>
      <td className="p-2">
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role of {user.email}
        </label>
        <select
          id={`role-${user.id}`}
          value={role}
          disabled={isSelf}
          aria-disabled={pending || undefined}
          onChange={(e) => save({ role: e.target.value })}
          className="rounded border border-stone-400 bg-white px-2 py-1"
        >
          <option value="editor">Editor</option>
          <option value="reviewer">Reviewer</option>
          <option value="admin">Admin</option>
        </select>
      </td>
      <td className="p-2">{user.disabled ? "Disabled" : "Active"}</td>
      <td className="p-2">
        {!isSelf && (
          <button
            type="button"
            className={secondaryButtonClass}
            {...busyProps(pending)}
            onClick={() => save({ disabled: !user.disabled })}
          >
            {user.disabled ? `Enable ${user.email}` : `Disable ${user.email}`}
          </button>
        )}
        <span role="status" className={`ml-2 text-sm ${message?.ok ? "text-green-800" : "text-red-800"}`}>
          {message?.text}
        </span>
      </td>
    </tr>
  );
}
