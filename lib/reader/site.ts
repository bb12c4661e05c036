import "server-only";
import type { Organization } from "@/lib/export/claim-review";

/** The public origin readers use: SOURCEMARK_PUBLIC_URL, else NEXTAUTH_URL, else localhost. */
export function publicBaseUrl(): string {
  const url =
    process.env.SOURCEMARK_PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return url.replace(/\/+$/, "");
}

/** The fact-checking organisation named as ClaimReview's author (README: environment variables). */
export function organizationFromEnv(): Organization {
  return {
    name: process.env.SOURCEMARK_ORG_NAME?.trim() || "Sourcemark",
    url: process.env.SOURCEMARK_ORG_URL?.trim() || publicBaseUrl(),
  };
}
