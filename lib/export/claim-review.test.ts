import { describe, expect, it } from "vitest";
import { buildClaimReviews, jsonLdScript } from "@/lib/export/claim-review";
import { PUTIN, snapshotFixture } from "@/test/support/snapshot-fixture";

// The part of the schema.org vocabulary ClaimReview uses (https://schema.org/ClaimReview,
// /Claim, /Rating, /NewsArticle, /Organization, /Person), with inherited properties: a type
// accepts its own properties and its ancestors'. Values: the ranges schema.org gives.
const PARENT: Record<string, string | null> = {
  Thing: null,
  CreativeWork: "Thing",
  Review: "CreativeWork",
  ClaimReview: "Review",
  Claim: "CreativeWork",
  Article: "CreativeWork",
  NewsArticle: "Article",
  Intangible: "Thing",
  Rating: "Intangible",
  Organization: "Thing",
  Person: "Thing",
};
const PROPERTIES: Record<string, Record<string, string[]>> = {
  Thing: { name: ["Text"], url: ["URL"], alternateName: ["Text"], description: ["Text"], sameAs: ["URL"] },
  CreativeWork: {
    author: ["Organization", "Person"],
    datePublished: ["Date", "DateTime"],
    dateModified: ["Date", "DateTime"],
    headline: ["Text"],
    publisher: ["Organization", "Person"],
    text: ["Text"],
  },
  Review: { itemReviewed: ["Thing"], reviewRating: ["Rating"], reviewBody: ["Text"] },
  ClaimReview: { claimReviewed: ["Text"] },
  Claim: { appearance: ["CreativeWork"], firstAppearance: ["CreativeWork"] },
  Rating: {
    ratingValue: ["Number", "Text"],
    bestRating: ["Number", "Text"],
    worstRating: ["Number", "Text"],
    author: ["Organization", "Person"],
  },
};
const ancestors = (type: string): string[] => (type ? [type, ...(PARENT[type] ? ancestors(PARENT[type]!) : [])] : []);
const isA = (type: string, wanted: string) => ancestors(type).includes(wanted);

function checkValue(range: string[], value: unknown, path: string, errors: string[]) {
  if (value && typeof value === "object") {
    const type = (value as { "@type"?: string })["@type"];
    if (!type || !(type in PARENT)) return errors.push(`${path}: unknown type ${type}`);
    if (!range.some((r) => isA(type, r))) return errors.push(`${path}: ${type} is not one of ${range.join("|")}`);
    return checkNode(value as Record<string, unknown>, path, errors);
  }
  const ok = range.some((r) => {
    if (r === "Number") return typeof value === "number";
    if (r === "Date") return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
    if (r === "DateTime") return typeof value === "string" && !Number.isNaN(Date.parse(value));
    if (r === "URL") return typeof value === "string" && /^https?:\/\//.test(value);
    return r === "Text" && typeof value === "string";
  });
  if (!ok) errors.push(`${path}: ${JSON.stringify(value)} is not ${range.join("|")}`);
}

function checkNode(node: Record<string, unknown>, path: string, errors: string[]) {
  const type = node["@type"] as string;
  for (const [key, value] of Object.entries(node)) {
    if (key === "@type" || key === "@context") continue;
    const owner = ancestors(type).find((t) => PROPERTIES[t]?.[key]);
    if (!owner) {
      errors.push(`${path}.${key}: not a property of ${type}`);
      continue;
    }
    checkValue(PROPERTIES[owner]![key]!, value, `${path}.${key}`, errors);
  }
  return errors;
}

const options = {
  articleUrl: "https://factcheck.example/read/art1",
  organization: { name: "Example Fact Check", url: "https://factcheck.example" },
};

describe("ClaimReview JSON-LD", () => {
  it("describes each claim with a verdict, and only those", () => {
    const reviews = buildClaimReviews(snapshotFixture(), options);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://factcheck.example/read/art1#claim-c1",
      claimReviewed: PUTIN,
      datePublished: "2026-11-27",
      dateModified: "2026-11-28",
      author: { "@type": "Organization", name: "Example Fact Check", url: "https://factcheck.example" },
      reviewRating: {
        "@type": "Rating",
        ratingValue: 4,
        bestRating: 5,
        worstRating: 1,
        alternateName: "Accurate but needs context",
      },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Vladimir Putin" },
        datePublished: "2025-12-26",
        appearance: {
          "@type": "NewsArticle",
          url: "https://indianexpress.com/article/example",
          headline: "Declassified memos: Putin warned Bush about Pakistan",
          publisher: { "@type": "Organization", name: "The Indian Express" },
        },
      },
    });
  });

  it("uses only schema.org types and properties, with values in their ranges", () => {
    for (const speaker of ["Vladimir Putin", null]) {
      const [review] = buildClaimReviews(snapshotFixture({ speaker }), options);
      expect(checkNode(review as unknown as Record<string, unknown>, "ClaimReview", [])).toEqual([]);
    }
  });

  it("has Google's required fields: claimReviewed, reviewRating.alternateName, url on the page", () => {
    const [review] = buildClaimReviews(snapshotFixture(), options);
    expect(review!.claimReviewed.length).toBeGreaterThan(0);
    expect(review!.reviewRating.alternateName).toBe("Accurate but needs context");
    expect(review!.reviewRating.ratingValue).toBeGreaterThanOrEqual(review!.reviewRating.worstRating);
    expect(review!.reviewRating.ratingValue).toBeLessThanOrEqual(review!.reviewRating.bestRating);
    expect(new URL(review!.url).pathname).toBe("/read/art1");
  });

  it("names the byline as the claim's author when there is no speaker", () => {
    const [review] = buildClaimReviews(snapshotFixture({ speaker: null }), options);
    expect(review!.itemReviewed.author).toEqual({ "@type": "Person", name: "Express News Service" });
  });

  it("escapes text that would close the script element", () => {
    const hostile = 'He said "</script><script>alert(1)</script>" \u2028 and <!-- more';
    const json = jsonLdScript(buildClaimReviews(snapshotFixture({ exact: hostile }), options));
    expect(json).not.toMatch(/<\/script/i);
    expect(json).not.toContain("<!--");
    expect(JSON.parse(json)[0].claimReviewed).toBe(hostile);
  });
});
