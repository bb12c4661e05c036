"use client";

import { useCallback, useEffect, useState } from "react";
import { callApi } from "@/components/editor/api-client";
import type { Dossier } from "@/components/evidence/types";

export type DossierState =
  { status: "loading" } | { status: "failed"; message: string } | { status: "done"; dossier: Dossier };

/**
 * A claim's dossier (evidence, quote checks, reviews, comments, history, permissions). It loads
 * again when `revision` changes (the claim's version and state) or on `reload()`.
 */
export function useDossier(claimId: string, revision = "") {
  const [state, setState] = useState<DossierState>({ status: "loading" });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    void callApi<Dossier>(`/api/v1/claims/${claimId}/dossier`, { method: "GET" }).then((result) => {
      if (!live) return;
      setState(result.ok ? { status: "done", dossier: result.data } : { status: "failed", message: result.message });
    });
    return () => {
      live = false;
    };
  }, [claimId, revision, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { state, reload };
}
