import "server-only";
import { AppError } from "@/lib/errors";
import type { ClaimState, Decision } from "@/lib/workflow/claim-lifecycle";

/** The lifecycle's answer as a state to write, or the refusal as the error the API shows. */
export function applyDecision(decision: Decision): ClaimState {
  if (decision.ok) return decision.state;
  throw new AppError(decision.code, decision.message);
}
