import type { SourceKind } from "@/lib/generated/prisma/enums";

export const KIND_LABELS: Record<SourceKind, string> = {
  memcon: "Memorandum of conversation",
  telcon: "Telephone conversation",
  transcript: "Transcript",
  press_remarks: "Press remarks",
  interview: "Interview",
  report: "Report",
  news_report: "News report",
  archive_description: "Archive description",
  other: "Other",
};

export const MATCH_LABELS = {
  exact: "Exact phrase",
  stemmed: "All words, any form",
  fuzzy: "Near match (OCR, spelling)",
} as const;

export function formatDate(iso: string | null): string {
  if (!iso) return "Undated";
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" });
}
