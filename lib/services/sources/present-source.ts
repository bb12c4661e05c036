import "server-only";
import type { SourceKind } from "@/lib/generated/prisma/client";

export type SourceSummary = {
  id: string;
  slug: string;
  title: string;
  kind: SourceKind;
  primary: boolean;
  date: string | null;
  docVersion: number;
  passageCount: number;
  reliabilityNote: string;
  createdAt: string;
};

export type PassageView = {
  id: string;
  ordinal: number;
  speaker: string | null;
  start: number;
  end: number;
  text: string;
  evidenceCount: number;
};

export type SourceView = SourceSummary & {
  place: string | null;
  participants: string[];
  collection: string | null;
  url: string | null;
  text: string;
  previousSlug: string | null;
  nextSlug: string | null;
  /** The passages shown: all of them, or a window of them (see getSource). */
  passages: PassageView[];
  /** Ordinal of the first passage shown, and where the text before it starts (for the gap). */
  windowStart: number;
  gapStart: number;
};

type SummaryRow = {
  id: string;
  slug: string;
  title: string;
  kind: SourceKind;
  primary: boolean;
  date: Date | null;
  docVersion: number;
  reliabilityNote: string;
  createdAt: Date;
  _count: { passages: number };
};

export const isoDate = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

export function presentSourceSummary(row: SummaryRow): SourceSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    kind: row.kind,
    primary: row.primary,
    date: isoDate(row.date),
    docVersion: row.docVersion,
    passageCount: row._count.passages,
    reliabilityNote: row.reliabilityNote,
    createdAt: row.createdAt.toISOString(),
  };
}

export const SUMMARY_SELECT = {
  id: true,
  slug: true,
  title: true,
  kind: true,
  primary: true,
  date: true,
  docVersion: true,
  reliabilityNote: true,
  createdAt: true,
  _count: { select: { passages: true } },
} as const;
