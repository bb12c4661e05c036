import type { PassageMatch } from "@/lib/services/quote-audit/match-passages";

export const RESULT_LABEL: Record<PassageMatch["result"], string> = {
  verbatim: "Verbatim",
  minor_differences: "Minor differences",
  altered: "Altered",
  not_found: "Not found",
};

export const RESULT_CLASS: Record<PassageMatch["result"], string> = {
  verbatim: "bg-green-100 text-green-900",
  minor_differences: "bg-sky-100 text-sky-900",
  altered: "bg-orange-100 text-orange-950",
  not_found: "bg-stone-200 text-stone-900",
};

export type Relation = "supports" | "contradicts" | "context";

/** What the evidence does for the claim, by default: the checker changes it when it is wrong. */
export function defaultRelation(match: PassageMatch | null): Relation {
  return match && (match.result === "verbatim" || match.result === "minor_differences") ? "supports" : "context";
}
