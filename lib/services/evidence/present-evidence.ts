import "server-only";
import type { EvidenceRelation, QuoteCheck as QuoteCheckResult, SourceKind } from "@/lib/generated/prisma/client";
import type { QuoteCheckDetail } from "@/lib/services/evidence/check-evidence";

export type EvidenceDocument = {
  id: string;
  slug: string;
  title: string;
  kind: SourceKind;
  primary: boolean;
  date: string | null;
  place: string | null;
  participants: string[];
  url: string | null;
  reliabilityNote: string;
};

export type EvidenceView = {
  id: string;
  claimId: string;
  relation: EvidenceRelation;
  note: string;
  /** The cited words and their context; start/end are UTF-16 offsets into the document's text. */
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  /** The same span as offsets into the passage's text. */
  passageStart: number;
  passageEnd: number;
  passage: { id: string; ordinal: number; speaker: string | null; text: string };
  document: EvidenceDocument;
  quoteCheck: (QuoteCheckDetail & { result: QuoteCheckResult }) | null;
  createdBy: { id: string; name: string };
  createdAt: string;
};

/** Include this in an evidence query to present it. */
export const EVIDENCE_VIEW_INCLUDE = {
  passage: {
    select: {
      id: true,
      ordinal: true,
      speaker: true,
      text: true,
      start: true,
      document: {
        select: {
          id: true,
          slug: true,
          title: true,
          kind: true,
          primary: true,
          date: true,
          place: true,
          participants: true,
          url: true,
          reliabilityNote: true,
        },
      },
    },
  },
  createdBy: { select: { id: true, name: true } },
} as const;

type Row = {
  id: string;
  claimId: string;
  relation: EvidenceRelation;
  note: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  quoteCheck: QuoteCheckResult | null;
  quoteCheckDetail: unknown;
  createdAt: Date;
  createdBy: { id: string; name: string };
  passage: {
    id: string;
    ordinal: number;
    speaker: string | null;
    text: string;
    start: number;
    document: Omit<EvidenceDocument, "date"> & { date: Date | null };
  };
};

export function presentEvidence(row: Row): EvidenceView {
  const { document } = row.passage;
  const detail = row.quoteCheckDetail as QuoteCheckDetail | null;
  return {
    id: row.id,
    claimId: row.claimId,
    relation: row.relation,
    note: row.note,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    passageStart: row.start - row.passage.start,
    passageEnd: row.end - row.passage.start,
    passage: { id: row.passage.id, ordinal: row.passage.ordinal, speaker: row.passage.speaker, text: row.passage.text },
    document: { ...document, date: document.date ? document.date.toISOString().slice(0, 10) : null },
    quoteCheck: row.quoteCheck && detail ? { ...detail, result: row.quoteCheck } : null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
