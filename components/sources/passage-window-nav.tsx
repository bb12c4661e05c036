import Link from "next/link";
import { secondaryButtonClass } from "@/components/ui/styles";

type Props = { slug: string; start: number; shown: number; total: number; size: number; label: string };

/** Earlier and later passages of a long document, a window at a time. */
export function PassageWindowNav({ slug, start, shown, total, size, label }: Props) {
  if (total <= size) return null;
  const href = (from: number) => `/sources/${encodeURIComponent(slug)}?from=${from}`;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-3 text-sm">
      {start > 0 && (
        <Link href={href(Math.max(0, start - size))} className={secondaryButtonClass}>
          Earlier passages
        </Link>
      )}
      <span>
        Showing passages {start + 1}–{start + shown} of {total}
      </span>
      {start + shown < total && (
        <Link href={href(start + size)} className={secondaryButtonClass}>
          Later passages
        </Link>
      )}
    </nav>
  );
}
