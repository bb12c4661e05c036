import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { VerdictSetEditor } from "@/components/admin/verdict-set-editor";
import { can } from "@/lib/auth/policies";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Verdicts" };

export default async function VerdictsPage() {
  const actor = await requireActor("/admin/verdicts");
  if (!can(actor, "verdict:manage")) forbidden();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Verdicts</h1>
      <p className="text-sm text-stone-700">
        The verdicts editors choose from. The rating is the ClaimReview <code>reviewRating</code> (1 = false … 5 =
        true), with the label as its <code>alternateName</code>. Archived verdicts stay on the claims that carry them
        but are no longer offered.
      </p>
      <VerdictSetEditor />
    </div>
  );
}
