import Link from "next/link";
import { formatDate, KIND_LABELS } from "@/components/sources/labels";
import { ReliabilityNote } from "@/components/sources/reliability-note";
import type { SourceView } from "@/lib/services/sources/present-source";

export function SourceHeader({ source }: { source: SourceView }) {
  const facts: [string, React.ReactNode][] = [
    ["Kind", `${KIND_LABELS[source.kind]} · ${source.primary ? "primary source" : "secondary source"}`],
    ["Date", formatDate(source.date)],
    ["Place", source.place],
    ["Participants", source.participants.length ? source.participants.join("; ") : null],
    ["Collection", source.collection],
    [
      "URL",
      source.url ? (
        <a href={source.url} className="break-all text-blue-800 underline" rel="noreferrer noopener">
          {source.url}
        </a>
      ) : null,
    ],
    [
      "Version",
      source.docVersion > 1 || source.nextSlug ? (
        <span>
          {source.docVersion}
          {source.previousSlug && (
            <>
              {" "}
              ·{" "}
              <Link href={`/sources/${source.previousSlug}`} className="underline">
                previous version
              </Link>
            </>
          )}
          {source.nextSlug && (
            <>
              {" "}
              ·{" "}
              <Link href={`/sources/${source.nextSlug}`} className="underline">
                newer version
              </Link>
            </>
          )}
        </span>
      ) : null,
    ],
  ];
  return (
    <header className="space-y-3">
      <p className="text-sm">
        <Link href="/sources" className="underline">
          ← Sources
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{source.title}</h1>
      <ReliabilityNote note={source.reliabilityNote} />
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {facts
          .filter(([, value]) => Boolean(value))
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-stone-700">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </header>
  );
}
