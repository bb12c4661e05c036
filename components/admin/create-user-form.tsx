"use client";

import { useActionState, useState } from "react";
import { createUserAction } from "@/app/(workbench)/admin/users/actions";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { busyProps } from "@/components/ui/busy";

const EMPTY = { name: "", email: "", role: "editor", password: "" };

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, null);
  // React resets a form after its action; a refused form must keep what the admin typed (a role
  // quietly back at "Editor" could create the person with the wrong one). So the fields start
  // from what was last sent, and are drawn anew (key) for each attempt: the reset then puts back
  // the same values. The form still posts to the server action without JavaScript.
  const [tried, setTried] = useState({ values: EMPTY, attempt: 0 });
  // An answer that added the person clears the form for the next one (set while rendering, as
  // React advises for state that follows other state).
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    if (state?.ok) setTried((t) => ({ values: EMPTY, attempt: t.attempt + 1 }));
  }
  const values = tried.values;
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
        key={`${name}-${tried.attempt}`}
        defaultValue={values[name as keyof typeof EMPTY]}
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
    <form
      action={action}
      onSubmit={(event) => {
        const sent = Object.fromEntries(new FormData(event.currentTarget)) as typeof EMPTY;
        setTried((t) => ({ values: { ...EMPTY, ...sent }, attempt: t.attempt + 1 }));
      }}
      noValidate
      className="grid gap-3 sm:grid-cols-2"
      aria-labelledby="create-user-heading"
    >
      <h2 id="create-user-heading" className="text-lg font-semibold sm:col-span-2">
        Add a person
      </h2>
      {field("name", "Name", "text", "off")}
      {field("email", "Email", "email", "off")}
      <div>
        <label htmlFor="new-role" className={labelClass}>
          Role
        </label>
        <select
          id="new-role"
          name="role"
          key={`role-${tried.attempt}`}
          defaultValue={values.role}
          className={`${inputClass} mt-1`}
        >
          <option value="editor">Editor</option>
          <option value="reviewer">Reviewer</option>
          <option value="admin">Admin</option>
        </select>
      </div>
      {field("password", "Initial password (12+ characters)", "password", "new-password")}
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" className={buttonClass} {...busyProps(pending)}>
          {pending ? "Adding…" : "Add person"}
        </button>
        <p role="status" className={state?.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
          {state?.message}
        </p>
      </div>
    </form>
  );
}
