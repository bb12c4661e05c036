// An editor's article, and a judged claim on its seed quote: shared by the claim integration tests.
import { randomUUID } from "node:crypto";
import { createClaim } from "@/lib/services/claims/create-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { PUTIN_QUOTE, SEED_PARAGRAPHS, withMark } from "@/test/support/article-bodies";
import { buildArticle, buildUser } from "@/test/support/factories";

/** An editor and their copy of the seed article. */
export async function setup() {
  const editor = await buildUser({ role: "editor" });
  const article = await buildArticle({ createdBy: editor, paragraphs: SEED_PARAGRAPHS });
  return { editor, article };
}

/** The seed article with Putin's quote marked as a claim and judged "accurate" by its editor. */
export async function judgedClaim() {
  const { editor, article } = await setup();
  const id = randomUUID();
  const body = withMark(article.body, id, PUTIN_QUOTE);
  const created = await createClaim({
    actor: editor,
    articleId: article.id,
    input: { version: 1, body, claim: { id, kind: "quote" } },
  });
  await updateClaim({
    actor: editor,
    claimId: id,
    input: { version: created.claim.version, verdictKey: "accurate", rationale: "Matches India TV." },
  });
  return { editor, article, id, body, version: created.version };
}
