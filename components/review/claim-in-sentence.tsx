import type { ClaimSentence } from "@/components/evidence/types";

/** The claim's words in their sentence, marked (as text, never HTML). */
export function ClaimInSentence({ sentence, className = "" }: { sentence: ClaimSentence; className?: string }) {
  return (
    <p className={`font-serif leading-relaxed ${className}`}>
      {sentence.before}
      <mark
        className="rounded-sm bg-amber-100 px-0.5 text-stone-950 underline decoration-amber-600 decoration-2 underline-offset-2"
        data-testid="claim-words"
      >
        <span className="sr-only">Claim: </span>
        {sentence.exact}
      </mark>
      {sentence.after}
    </p>
  );
}
