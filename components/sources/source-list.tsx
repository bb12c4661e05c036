import Link from "next/link";
import { formatDate, KIND_LABELS } from "@/components/sources/labels";
import type { SourceSummary } from "@/lib/services/sources/present-source";

export function SourceList({ sources, canImport }: { sources: SourceSummary[]; canImport: boolean }) {
  if (sources.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-stone-700">
        <p className="font-medium">No sources yet.</p>
        <p className="text-sm">
          {canImport
            ? "Import a transcript, memcon or report to start citing it."
            : "Editors import sources; they will show here."}
        </p>
      </div>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Source documents</caption>
        <thead>
          <tr className="border-b border-stone-200">
            <th scope="col" className="p-2">
              Title
            </th>
            <th scope="col" className="p-2">
              Kind
            </th>
            <th scope="col" className="p-2">
              Date
            </th>
            <th scope="col" className="p-2">
              Passages
            </th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.id} className="border-b border-stone-100 last:border-0">
              <td className="p-2">
                <Link
                  href={`/sources/${s.slug}`}
                  className="font-medium text-blue-800 underline-offset-2 hover:underline"
                >
                  {s.title}
                </Link>
                {s.docVersion > 1 && <span className="ml-2 text-xs text-stone-600">version {s.docVersion}</span>}
              </td>
              <td className="p-2">
                {KIND_LABELS[s.kind]}
                <span className="block text-xs text-stone-600">{s.primary ? "Primary" : "Secondary"}</span>
              </td>
              <td className="p-2 whitespace-nowrap">{formatDate(s.date)}</td>
              <td className="p-2">{s.passageCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
