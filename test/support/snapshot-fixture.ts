// A published snapshot for the exporters' unit tests: real words from the demo corpus
// (the Indian Express article and the 16 June 2001 memcon), and hostile text.
import type { PublishedSnapshot } from "@/lib/services/publishing/snapshot-content";

export const PUTIN = "I am concerned about Pakistan. It is just a junta with nuclear weapons.";

export function snapshotFixture(overrides: { exact?: string; speaker?: string | null } = {}): PublishedSnapshot {
  return {
    articleId: "art1",
    number: 2,
    title: "Declassified memos: Putin warned Bush about Pakistan",
    body: { type: "doc", content: [] },
    bodyText: "",
    publishedAt: "2026-11-28T14:00:00.000Z",
    firstPublishedAt: "2026-11-27T09:30:00.000Z",
    content: {
      format: 1,
      article: {
        outlet: "The Indian Express",
        byline: "Express News Service",
        dateline: "New Delhi",
        publishedAt: "2025-12-26T00:00:00.000Z",
        canonicalUrl: "https://indianexpress.com/article/example",
      },
      sources: [
        {
          id: "src1",
          slug: "memcon-2001-06-16",
          title: "Memorandum of conversation, Ljubljana",
          kind: "memcon",
          primary: true,
          date: "2001-06-16",
          place: "Ljubljana",
          participants: ["George W. Bush", "Vladimir Putin"],
          collection: null,
          url: "https://example.org/memcon",
          reliabilityNote: "",
        },
      ],
      claims: [
        {
          id: "c1",
          kind: "quote",
          exact: overrides.exact ?? PUTIN,
          prefix: "",
          suffix: "",
          start: 10,
          end: 80,
          speaker: overrides.speaker === undefined ? "Vladimir Putin" : overrides.speaker,
          verdict: { key: "accurate_needs_context", label: "Accurate but needs context", rating: 4, description: "" },
          rationale: "The memcon records these words.",
          quoteCheck: "minor_differences",
          reviewer: { name: "Rita Reviewer" },
          reviewedAt: "2026-11-27T09:00:00.000Z",
          evidence: [],
        },
        {
          id: "c2",
          kind: "figure",
          exact: "42 missiles",
          prefix: "",
          suffix: "",
          start: 100,
          end: 111,
          speaker: null,
          verdict: null,
          rationale: "",
          quoteCheck: null,
          reviewer: null,
          reviewedAt: null,
          evidence: [],
        },
      ],
    },
  };
}
