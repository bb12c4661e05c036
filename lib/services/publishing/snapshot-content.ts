// The shape of article_snapshots.content: everything a reader sees besides the body, copied at
// publish time so later edits in the workbench never reach readers. Types only (no server code),
// so the pure exporters in lib/export can read snapshots too. Offsets count UTF-16 code units.

export type QuoteCheckAlignment = {
  op: "equal" | "insert" | "delete" | "replace";
  article?: string;
  source?: string;
  reason?: string;
};

export type QuoteCheckDetail = {
  result: "verbatim" | "minor_differences" | "altered" | "not_found";
  similarity?: number;
  differences?: unknown[];
  notes?: string[];
  alignment?: QuoteCheckAlignment[];
  speakerNote?: string | null;
  /** The source words the quote was matched with. */
  matched?: string | null;
};

export type SnapshotSource = {
  id: string;
  slug: string;
  title: string;
  kind: string;
  primary: boolean;
  /** ISO date (YYYY-MM-DD) or null. */
  date: string | null;
  place: string | null;
  participants: string[];
  collection: string | null;
  url: string | null;
  reliabilityNote: string;
};

export type SnapshotEvidence = {
  id: string;
  relation: "supports" | "contradicts" | "context";
  note: string;
  sourceId: string;
  /** The cited words and where they sit in the source document's text. */
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  /** The passage holding the cited words, and the cited span's offsets inside passage.text. */
  passage: { id: string; ordinal: number; speaker: string | null; text: string; citedStart: number; citedEnd: number };
  quoteCheck: string | null;
  quoteCheckDetail: QuoteCheckDetail | null;
};

export type SnapshotVerdict = { key: string; label: string; rating: number; description: string };

export type SnapshotClaim = {
  id: string;
  kind: "quote" | "figure" | "date" | "attribution" | "other";
  exact: string;
  prefix: string;
  suffix: string;
  /** Offsets into the snapshot's bodyText. */
  start: number;
  end: number;
  speaker: string | null;
  verdict: SnapshotVerdict | null;
  rationale: string;
  quoteCheck: string | null;
  evidence: SnapshotEvidence[];
  reviewer: { name: string } | null;
  reviewedAt: string | null;
};

export type SnapshotArticleMeta = {
  outlet: string | null;
  byline: string | null;
  dateline: string | null;
  /** When the outlet published the piece. */
  publishedAt: string | null;
  canonicalUrl: string | null;
};

export type SnapshotContent = {
  format: 1;
  article: SnapshotArticleMeta;
  claims: SnapshotClaim[];
  sources: SnapshotSource[];
};

/** A published snapshot as readers (and exporters) get it. */
export type PublishedSnapshot = {
  articleId: string;
  number: number;
  title: string;
  body: unknown;
  bodyText: string;
  content: SnapshotContent;
  publishedAt: string;
  /** When the first snapshot was published (the fact-check's original date). */
  firstPublishedAt: string;
};
