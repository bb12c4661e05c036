import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ReviewDesk } from "@/components/review/review-desk";
import { can } from "@/lib/auth/policies";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Review a claim" };

export default async function ReviewClaimPage({ params }: { params: Promise<{ claimId: string }> }) {
  const { claimId } = await params;
  const actor = await requireActor(`/review/${claimId}`);
  if (!can(actor, "review:read")) forbidden();
  // The dossier is read through /api/v1 by the desk, with the same authorization as the API.
  return <ReviewDesk key={claimId} claimId={claimId} />;
}
