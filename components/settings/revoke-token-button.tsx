"use client";

import { useState, useTransition } from "react";
import { revokeApiTokenAction } from "@/app/(workbench)/settings/tokens/actions";
import { dangerButtonClass } from "@/components/ui/styles";
import { busyProps } from "@/components/ui/busy";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className={dangerButtonClass}
        {...busyProps(pending)}
        onClick={() =>
          window.confirm(`Revoke “${name}”? Scripts using it stop working at once; this cannot be undone.`) &&
          start(async () => {
            const result = await revokeApiTokenAction(id);
            if (!result.ok) setError(result.message);
          })
        }
      >
        Revoke {name}
      </button>
      {error && (
        <span role="alert" className="ml-2 text-sm text-red-800">
          {error}
        </span>
      )}
    </>
  );
}
