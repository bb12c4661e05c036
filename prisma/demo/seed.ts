// Builds the demo workspace from the real corpus in prisma/demo/corpus (see PROVENANCE.md),
// through the same services a user's import goes through.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/policies";
import { paragraphsToDoc } from "@/lib/editor/body";
import type { TImportSourceRequest } from "@/lib/schemas/sources";
import { createArticle } from "@/lib/services/articles/create-article";
import { importSourceDocument } from "@/lib/services/sources/import-source-document";
import { createUser } from "@/lib/services/users/create-user";
import { parseArticleHeader } from "@/lib/text/paragraphs";

const CORPUS = path.join(import.meta.dirname, "corpus");

export const DEMO_USERS = [
  { email: "admin@sourcemark.test", name: "Ada Admin", role: "admin", password: "sourcemark-admin" },
  { email: "editor@sourcemark.test", name: "Edith Editor", role: "editor", password: "sourcemark-editor" },
  { email: "reviewer@sourcemark.test", name: "Rhys Reviewer", role: "reviewer", password: "sourcemark-reviewer" },
] as const;

export const DEMO_ARTICLE_TITLE = "Putin raised Pakistan’s nuclear proliferation with Bush, declassified memcons show (headline not captured)";

const KIND_BY_CORPUS_KIND: Record<string, TImportSourceRequest["kind"]> = {
  memcon: "memcon",
  "public-remarks": "press_remarks",
  "news-report": "news_report",
  "archive-description": "archive_description",
};

type CorpusDocument = {
  id: string;
  title: string;
  kind: string;
  primary: boolean;
  date?: string;
  place?: string;
  participants?: string[];
  collection?: string;
  url: string;
  note?: string;
  text: string;
};

const RELIABILITY_NOTES: Record<string, string> = {
  "nsarchive-2008-04-06-sochi-memcon": "The memcon itself warns that a MEMCON “is not a verbatim transcript”: it is the note taker’s record. The text is OCR of the declassified scan and keeps its noise.",
};

export async function seedDemoWorkspace(log: (line: string) => void = console.log): Promise<boolean> {
  if ((await prisma.user.count()) > 0) return false;
  const actors: Record<string, Actor> = {};
  for (const user of DEMO_USERS) {
    const view = await createUser({ actor: "system", input: user });
    actors[user.role] = { id: view.id, role: view.role, email: view.email, name: view.name };
  }
  const editor = actors.editor!;

  const articleFile = await readFile(path.join(CORPUS, "seed-article.txt"), "utf8");
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

  const corpus = JSON.parse(await readFile(path.join(CORPUS, "sources.json"), "utf8")) as { documents: CorpusDocument[] };
  for (const doc of corpus.documents) {
    const imported = await importSourceDocument({
      actor: editor,
      input: {
        slug: doc.id,
        title: doc.title,
        kind: KIND_BY_CORPUS_KIND[doc.kind] ?? "other",
        primary: doc.primary,
        date: doc.date ?? null,
        place: doc.place ?? null,
        participants: doc.participants ?? [],
        collection: doc.collection ?? null,
        url: doc.url,
        reliabilityNote: [RELIABILITY_NOTES[doc.id], doc.note].filter(Boolean).join(" "),
        text: doc.text,
      },
    });
    log(`imported source ${imported.slug} (${imported.passageCount} passages)`);
  }
  log(`seeded the demo workspace: ${DEMO_USERS.length} users, 1 article, ${corpus.documents.length} sources`);
  return true;
}
