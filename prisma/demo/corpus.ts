// The demo corpus (see corpus/PROVENANCE.md) read once and mapped to import requests, for the
// demo seed and for tests that want the real texts.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { TImportSourceRequest } from "@/lib/schemas/sources";

export type CorpusDocument = {
  id: string;
  title: string;
  kind: string;
  primary: boolean;
  date?: string;
  place?: string;
  participants?: string[];
  collection?: string;
  url: string;
  note?: string;
  text: string;
};

export const CORPUS_DIR = path.join(import.meta.dirname, "corpus");

const KIND_BY_CORPUS_KIND: Record<string, TImportSourceRequest["kind"]> = {
  memcon: "memcon",
  "public-remarks": "press_remarks",
  "news-report": "news_report",
  "archive-description": "archive_description",
};

// What a document says about itself belongs with it wherever it is quoted.
const RELIABILITY_NOTES: Record<string, string> = {
  "nsarchive-2008-04-06-sochi-memcon":
    "The memcon itself warns that a MEMCON “is not a verbatim transcript”: it is the note taker’s record. The text is OCR of the declassified scan and keeps its noise.",
};

export function corpusDocuments(): CorpusDocument[] {
  return (JSON.parse(readFileSync(path.join(CORPUS_DIR, "sources.json"), "utf8")) as { documents: CorpusDocument[] })
    .documents;
}

export function corpusImportRequest(doc: CorpusDocument): TImportSourceRequest {
  return {
    slug: doc.id,
    title: doc.title,
    kind: KIND_BY_CORPUS_KIND[doc.kind] ?? "other",
    primary: doc.primary,
    date: doc.date ?? null,
    place: doc.place ?? null,
    participants: doc.participants ?? [],
    collection: doc.collection ?? null,
    url: doc.url,
    reliabilityNote: [RELIABILITY_NOTES[doc.id], doc.note].filter(Boolean).join(" "),
    text: doc.text,
  };
}
