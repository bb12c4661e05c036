// Builds the demo workspace from the real corpus in prisma/demo/corpus (see PROVENANCE.md),
// through the same services a user's import goes through.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/policies";
import { paragraphsToDoc } from "@/lib/editor/body";
import { createArticle } from "@/lib/services/articles/create-article";
import { importSourceDocument } from "@/lib/services/sources/import-source-document";
import { createUser } from "@/lib/services/users/create-user";
import { parseArticleHeader } from "@/lib/text/segmentation/paragraphs";
import { corpusDocuments, corpusImportRequest, CORPUS_DIR } from "./corpus.ts";

export const DEMO_USERS = [
  { email: "admin@sourcemark.test", name: "Ada Admin", role: "admin", password: "sourcemark-admin" },
  { email: "editor@sourcemark.test", name: "Edith Editor", role: "editor", password: "sourcemark-editor" },
  { email: "reviewer@sourcemark.test", name: "Rhys Reviewer", role: "reviewer", password: "sourcemark-reviewer" },
] as const;

export const DEMO_ARTICLE_TITLE =
  "Putin raised Pakistan’s nuclear proliferation with Bush, declassified memcons show (headline not captured)";

export async function seedDemoWorkspace(log: (line: string) => void = console.log): Promise<boolean> {
  if ((await prisma.user.count()) > 0) return false;
  const actors: Record<string, Actor> = {};
  for (const user of DEMO_USERS) {
    const view = await createUser({ actor: "system", input: user });
    actors[user.role] = { id: view.id, role: view.role, email: view.email, name: view.name };
  }
  const editor = actors.editor!;

  const articleFile = await readFile(path.join(CORPUS_DIR, "seed-article.txt"), "utf8");
  const { meta, body } = parseArticleHeader(articleFile);
  const paragraphs = body.split(/\n\s*\n/);
  await createArticle({
    actor: editor,
    input: {
      title: DEMO_ARTICLE_TITLE,
      outlet: meta.outlet ?? null,
      byline: meta.byline ?? null,
      dateline: meta.dateline ?? null,
      publishedAt: meta.published ?? null,
      canonicalUrl: null,
      body: paragraphsToDoc(paragraphs),
    },
  });

  const documents = corpusDocuments();
  for (const doc of documents) {
    const imported = await importSourceDocument({ actor: editor, input: corpusImportRequest(doc) });
    log(`imported source ${imported.slug} (${imported.passageCount} passages)`);
  }
  log(`seeded the demo workspace: ${DEMO_USERS.length} users, 1 article, ${documents.length} sources`);
  return true;
}
