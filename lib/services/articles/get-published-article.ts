import "server-only";
import { Node as PMNode } from "@tiptap/pm/model";
import { readFromReplica } from "@/lib/db";
import { removeClaimMarks, claimRanges } from "@/lib/editor/claim-ranges";
import { articleSchema } from "@/lib/editor/extensions";
import { getArticle } from "@/lib/services/articles/get-article";
import { listClaims } from "@/lib/services/claims/list-claims";
import type { ArticleView } from "@/lib/services/articles/present-article";
import type { ClaimView } from "@/lib/services/claims/present-claim";

/**
 * What a reader may see: a published article whose body carries only the marks of approved
 * claims. Draft, rejected or stale claims are newsroom work, so their marks are removed.
 */
export async function getPublishedArticle({ articleId }: { articleId: string }): Promise<{ article: ArticleView; claims: ClaimView[] }> {
  // Readers may see a published article a replication lag late; the newsroom never reads here.
  const [article, claims] = await readFromReplica(() => Promise.all([getArticle({ actor: null, articleId }), listClaims({ actor: null, articleId })]));
  const visible = new Set(claims.map((c) => c.id));
  const doc = PMNode.fromJSON(articleSchema(), article.body);
  const hidden = new Set([...claimRanges(doc).keys()].filter((id) => !visible.has(id)));
  return { article: { ...article, body: removeClaimMarks(doc, hidden).toJSON() }, claims };
}
