"use client";

import { useActionState } from "react";
import { createUserAction } from "@/app/(workbench)/admin/users/actions";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, null);
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  const field = (name: string, label: string, type: string, autoComplete: string) => (
    <div>
      <label htmlFor={`new-${name}`} className={labelClass}>
        {label}
      </label>
      <input
        id={`new-${name}`}
        name={name}
        type={type}
        autoComplete={autoComplete}
        className={`${inputClass} mt-1`}
        aria-invalid={Boolean(fieldError(name))}
        aria-describedby={fieldError(name) ? `new-${name}-error` : undefined}
      />
      {fieldError(name) && (
        <p id={`new-${name}-error`} className="mt-1 text-sm text-red-800">
          {fieldError(name)}
        </p>
      )}
    </div>
  );
  return (
    <form action={action} noValidate className="grid gap-3 sm:grid-cols-2" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading" className="text-lg font-semibold sm:col-span-2">
        Add a person
      </h2>
      {field("name", "Name", "text", "off")}
      {field("email", "Email", "email", "off")}
      <div>
        <label htmlFor="new-role" className={labelClass}>
          Role
        </label>
        <select id="new-role" name="role" defaultValue="editor" className={`${inputClass} mt-1`}>
          <option value="editor">Editor</option>
          <option value="reviewer">Reviewer</option>
          <option value="admin">Admin</option>
        </select>
      </div>
      {field("password", "Initial password (12+ characters)", "password", "new-password")}
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Adding…" : "Add person"}
        </button>
        <p role="status" className={state?.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
          {state?.message}
        </p>
      </div>
    </form>
  );
}
