import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { MentionList } from "@/components/comments/mention-list";
import { can } from "@/lib/auth/policies";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Mentions" };

export default async function MentionsPage() {
  const actor = await requireActor("/mentions");
  if (!can(actor, "workbench:read")) forbidden();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Mentions</h1>
      <p className="text-sm text-stone-700">Claim comments that mention you.</p>
      <MentionList />
    </div>
  );
}
