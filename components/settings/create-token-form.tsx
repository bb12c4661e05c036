"use client";

import { useActionState } from "react";
import { createApiTokenAction } from "@/app/(workbench)/settings/tokens/actions";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { busyProps } from "@/components/ui/busy";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState(createApiTokenAction, null);
  return (
    <form action={action} className="space-y-3" aria-labelledby="new-token-heading">
      <h2 id="new-token-heading" className="text-lg font-semibold">
        New token
      </h2>
      <div>
        <label htmlFor="token-name" className={labelClass}>
          What will use it?
        </label>
        <input
          id="token-name"
          name="name"
          required
          placeholder="e.g. nightly import script"
          className={`${inputClass} mt-1`}
        />
      </div>
      <button type="submit" className={buttonClass} {...busyProps(pending)}>
        {pending ? "Creating…" : "Create token"}
      </button>
      {state?.ok && state.data && (
        <div role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm">
          <p className="font-semibold">Copy this token now: it is shown only once.</p>
          <label htmlFor="new-token-value" className="sr-only">
            Your new token
          </label>
          <input
            id="new-token-value"
            readOnly
            autoFocus
            value={state.data.token}
            className="mt-2 w-full rounded border border-stone-400 bg-white p-2 font-mono"
            onFocus={(e) => e.currentTarget.select()}
          />
          <p className="mt-2">
            Send it as <code>Authorization: Bearer …</code>. Anyone holding it acts as you; revoke it when a script no
            longer needs it.
          </p>
        </div>
      )}
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-800">
          {state.fieldErrors?.name ?? state.message}
        </p>
      )}
    </form>
  );
}
