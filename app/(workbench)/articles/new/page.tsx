import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ImportArticleForm } from "@/components/editor/import-article-form";
import { can } from "@/lib/auth/policies";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import an article" };

export default async function NewArticlePage() {
  const actor = await requireActor("/articles/new");
  if (!can(actor, "article:create")) forbidden();
  return <ImportArticleForm />;
}
