import type { SnapshotVerdict } from "@/lib/services/publishing/snapshot-content";

type Tone = { icon: string; chip: string; mark: string };

// Colour is never the only signal: each verdict also has an icon and its label in words, and
// the marks differ in underline style too. Contrast of text on chip ≥ 4.5:1 (axe checks it).
const TONES: Record<string, Tone> = {
  accurate: { icon: "✓", chip: "border-green-700 bg-green-50 text-green-900", mark: "verdict-mark-accurate" },
  accurate_needs_context: { icon: "ⓘ", chip: "border-teal-700 bg-teal-50 text-teal-900", mark: "verdict-mark-context" },
  misleading: { icon: "⚠", chip: "border-orange-700 bg-orange-50 text-orange-900", mark: "verdict-mark-misleading" },
  false: { icon: "✗", chip: "border-red-700 bg-red-50 text-red-900", mark: "verdict-mark-false" },
  unsupported: { icon: "?", chip: "border-violet-700 bg-violet-50 text-violet-900", mark: "verdict-mark-unsupported" },
  not_checkable: { icon: "…", chip: "border-stone-600 bg-stone-100 text-stone-900", mark: "verdict-mark-opinion" },
};

/** A verdict a newsroom added later gets the tone of the built-in verdict with its rating. */
const BY_RATING: Record<number, string> = {
  5: "accurate",
  4: "accurate_needs_context",
  3: "unsupported",
  2: "misleading",
  1: "false",
};

export function verdictTone(verdict: Pick<SnapshotVerdict, "key" | "rating"> | null): Tone {
  if (!verdict) return TONES.not_checkable!;
  return TONES[verdict.key] ?? TONES[BY_RATING[verdict.rating] ?? "not_checkable"]!;
}

export function VerdictBadge({ verdict, className = "" }: { verdict: SnapshotVerdict | null; className?: string }) {
  const tone = verdictTone(verdict);
  return (
    <span
      className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-sm font-semibold ${tone.chip} ${className}`}
    >
      <span aria-hidden="true">{tone.icon}</span>
      {verdict?.label ?? "No verdict"}
    </span>
  );
}

/** Every verdict used on the page, with what it means. */
export function VerdictLegend({ verdicts }: { verdicts: SnapshotVerdict[] }) {
  if (!verdicts.length) return null;
  return (
    <section aria-labelledby="legend-heading" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="legend-heading" className="text-base font-semibold">
        What the verdicts mean
      </h2>
      <dl className="mt-2 space-y-2 text-sm">
        {verdicts.map((v) => (
          <div key={v.key} className="flex flex-wrap items-baseline gap-2">
            <dt>
              <VerdictBadge verdict={v} />
            </dt>
            <dd className="text-stone-700">{v.description}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
