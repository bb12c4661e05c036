import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ReviewQueue } from "@/components/review/review-queue";
import { can } from "@/lib/auth/policies";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  const actor = await requireActor("/review");
  if (!can(actor, "review:read")) forbidden();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Review queue</h1>
      <p className="text-sm text-stone-700">
        Claims submitted for review, oldest first; stale claims come back here with what changed. Keyboard: <kbd>j</kbd>
        /<kbd>k</kbd> or <kbd>↓</kbd>/<kbd>↑</kbd> move through the list, <kbd>Enter</kbd> opens a claim; on a claim,{" "}
        <kbd>a</kbd> approves and <kbd>r</kbd> requests changes. Keys do nothing while you type in a field.
      </p>
      <ReviewQueue />
    </div>
  );
}
