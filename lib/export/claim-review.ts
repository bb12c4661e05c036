/**
 * schema.org ClaimReview for each published claim with a verdict (pure: no database, no env).
 * Google's fact-check guide requires claimReviewed, reviewRating (with alternateName: the
 * verdict's label, since our 1–5 scale is ours) and url; it recommends author, datePublished and
 * itemReviewed (a Claim with author, datePublished and appearance), all given here.
 */
import type { PublishedSnapshot, SnapshotClaim } from "@/lib/services/publishing/snapshot-content";

export type Organization = { name: string; url: string };

type Thing = { "@type": string; name: string; url?: string };

export type ClaimReviewJsonLd = {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  datePublished: string;
  dateModified: string;
  author: Thing;
  reviewRating: { "@type": "Rating"; ratingValue: number; bestRating: 5; worstRating: 1; alternateName: string };
  reviewBody?: string;
  itemReviewed: {
    "@type": "Claim";
    author?: Thing;
    datePublished?: string;
    appearance: { "@type": "NewsArticle"; headline: string; url?: string; datePublished?: string; publisher?: Thing };
  };
};

const day = (iso: string) => iso.slice(0, 10);

/** Who made the claim: the quoted speaker, else the article's byline, else its outlet. */
function claimAuthor(claim: SnapshotClaim, meta: PublishedSnapshot["content"]["article"]): Thing | undefined {
  if (claim.speaker) return { "@type": "Person", name: claim.speaker };
  if (meta.byline) return { "@type": "Person", name: meta.byline };
  if (meta.outlet) return { "@type": "Organization", name: meta.outlet };
  return undefined;
}

export function buildClaimReviews(
  snapshot: PublishedSnapshot,
  options: { articleUrl: string; organization: Organization },
): ClaimReviewJsonLd[] {
  const meta = snapshot.content.article;
  return snapshot.content.claims.flatMap((claim): ClaimReviewJsonLd[] => {
    if (!claim.verdict) return [];
    const author = claimAuthor(claim, meta);
    return [
      {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        url: `${options.articleUrl}#claim-${claim.id}`,
        claimReviewed: claim.exact,
        // When readers could first read this fact-check; updates show as dateModified.
        datePublished: day(snapshot.firstPublishedAt),
        dateModified: day(snapshot.publishedAt),
        author: { "@type": "Organization", name: options.organization.name, url: options.organization.url },
        reviewRating: {
          "@type": "Rating",
          ratingValue: claim.verdict.rating,
          bestRating: 5,
          worstRating: 1,
          alternateName: claim.verdict.label,
        },
        ...(claim.rationale ? { reviewBody: claim.rationale } : {}),
        itemReviewed: {
          "@type": "Claim",
          ...(author ? { author } : {}),
          ...(meta.publishedAt ? { datePublished: day(meta.publishedAt) } : {}),
          appearance: {
            "@type": "NewsArticle",
            headline: snapshot.title,
            ...(meta.canonicalUrl ? { url: meta.canonicalUrl } : {}),
            ...(meta.publishedAt ? { datePublished: day(meta.publishedAt) } : {}),
            ...(meta.outlet ? { publisher: { "@type": "Organization", name: meta.outlet } } : {}),
          },
        },
      },
    ];
  });
}

/** JSON for a <script type="application/ld+json">: `<` escaped so no text can close the script. */
export function jsonLdScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
