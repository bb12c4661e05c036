import Link from "next/link";
import { formatDate, KIND_LABELS } from "@/components/sources/labels";
import { ReliabilityNote } from "@/components/sources/reliability-note";
import type { SnapshotSource } from "@/lib/services/publishing/snapshot-content";

const kindLabel = (kind: string) => KIND_LABELS[kind as keyof typeof KIND_LABELS] ?? kind;

/** A cited source's metadata as published: what it is, primary or not, when, where, who, how reliable. */
export function SourceMeta({ source, titleLink = true }: { source: SnapshotSource; titleLink?: boolean }) {
  return (
    <div className="text-sm">
      <p className="font-semibold">
        {titleLink ? (
          <Link href={`/read/sources/${encodeURIComponent(source.slug)}`} className="text-blue-800 underline">
            {source.title}
          </Link>
        ) : (
          source.title
        )}
      </p>
      <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-stone-800">
        <dt className="text-stone-600">Kind</dt>
        <dd>
          {kindLabel(source.kind)} · {source.primary ? "primary source" : "secondary source"}
        </dd>
        <dt className="text-stone-600">Date</dt>
        <dd>{formatDate(source.date)}</dd>
        {source.place && (
          <>
            <dt className="text-stone-600">Place</dt>
            <dd>{source.place}</dd>
          </>
        )}
        {source.participants.length > 0 && (
          <>
            <dt className="text-stone-600">Participants</dt>
            <dd>{source.participants.join(", ")}</dd>
          </>
        )}
        {source.collection && (
          <>
            <dt className="text-stone-600">Collection</dt>
            <dd>{source.collection}</dd>
          </>
        )}
        {source.url && (
          <>
            <dt className="text-stone-600">Original</dt>
            <dd>
              <a href={source.url} className="break-all text-blue-800 underline" rel="noopener noreferrer nofollow">
                {source.url}
              </a>
            </dd>
          </>
        )}
      </dl>
      <ReliabilityNote note={source.reliabilityNote} compact />
    </div>
  );
}
