import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ImportSourceForm } from "@/components/sources/import-source-form";
import { cardClass } from "@/components/ui/styles";
import { can } from "@/lib/auth/policies";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import a source" };

export default async function ImportSourcePage() {
  const actor = await requireActor("/sources/import");
  if (!can(actor, "source:import")) forbidden();
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/sources" className="underline">
          ← Sources
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Import a source</h1>
      <p className="max-w-2xl text-sm text-stone-700">
        The text is split into passages a claim can cite: speaker turns where it has them, otherwise paragraphs. You can
        fix the split afterwards. A PDF needs a text layer; a scan needs OCR first.
      </p>
      <div className={cardClass}>
        <ImportSourceForm />
      </div>
    </div>
  );
}
