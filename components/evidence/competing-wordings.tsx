import type { CompetingWordings as Data } from "@/components/evidence/types";

/** Sources that word the same statement differently, side by side; never reconciled silently. */
export function CompetingWordings({ data }: { data: Data }) {
  if (!data.disagree || data.wordings.length < 2) return null;
  return (
    <section
      aria-labelledby="competing-heading"
      className="space-y-2 rounded border border-purple-300 bg-purple-50 p-2"
      data-testid="competing-wordings"
    >
      <h3 id="competing-heading" className="text-sm font-semibold text-purple-950">
        Sources disagree on the wording
      </h3>
      <ul className="grid gap-2 sm:grid-cols-2" aria-label="Competing wordings">
        {data.wordings.map((w, i) => (
          <li key={i} className="rounded border border-purple-200 bg-white p-2">
            <p className="font-serif text-sm">
              <q>{w.text}</q>
            </p>
            <p className="mt-1 text-xs text-stone-700">
              {w.sources.map((s) => `${s.title} (${s.primary ? "primary" : "secondary"})`).join("; ")}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
