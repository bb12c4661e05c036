import { CLAIM_KINDS, KIND_LABELS } from "@/components/editor/types";

/** The claim kinds as <option>s, in the one order every kind picker uses. */
export function KindOptions() {
  return CLAIM_KINDS.map((k) => (
    <option key={k} value={k}>
      {KIND_LABELS[k]}
    </option>
  ));
}
