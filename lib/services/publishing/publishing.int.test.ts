import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getPublishedArticle } from "@/lib/services/articles/get-published-article";
import { updateArticle } from "@/lib/services/articles/update-article";
import { getPublishStatus } from "@/lib/services/publishing/get-publish-status";
import { getPublishedSource } from "@/lib/services/publishing/get-published-source";
import { listPublishedArticles } from "@/lib/services/publishing/list-published-articles";
import { publishArticle } from "@/lib/services/publishing/publish-article";
import { setClaimLeftOut } from "@/lib/services/publishing/set-claim-left-out";
import { unpublishArticle } from "@/lib/services/publishing/unpublish-article";
import { paragraphsToDoc } from "@/lib/editor/body";
import { submitClaim } from "@/lib/services/claims/submit-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { linkEvidence as linkEvidenceService } from "@/lib/services/evidence/link-evidence";
import { reviewClaim } from "@/lib/services/reviews/review-claim";
import { buildArticle, buildUser } from "@/test/support/factories";
import { approve, linkEvidence, markClaim } from "@/test/support/publishing-factories";
import { buildSource } from "@/test/support/source-factories";

async function setup() {
  const editor = await buildUser({ role: "editor" });
  const reviewer = await buildUser({ role: "reviewer" });
  const source = await buildSource(editor, {
    place: "Moscow",
    participants: ["George W. Bush", "Vladimir Putin"],
    reliabilityNote: "OCR of a declassified scan.",
    url: "https://example.org/memcon",
  });
  const text = (await prisma.sourceDocument.findUniqueOrThrow({ where: { id: source.id } })).text;
  const marker = /about (\S+) today/.exec(text)![1]!;
  const article = await buildArticle({
    createdBy: editor,
    paragraphs: [
      `Bush said, “We talked about ${marker} today.”`,
      `Putin agreed about ${marker}, the paper says.`,
      "Officials counted 42 missiles.",
    ],
  });
  const quote = await markClaim(editor, article.id, `We talked about ${marker} today.`, "quote", "George W. Bush");
  const figure = await markClaim(editor, article.id, "42 missiles", "figure");
  await linkEvidence(editor, quote.id, source.id, `We talked about ${marker} today.`);
  await approve(quote.id, { editor, reviewer, verdictKey: "accurate" });
  return { editor, reviewer, source, marker, article, quote, figure };
}

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe("publishing", () => {
  it("is blocked while a claim is neither approved nor left out, and says why", async () => {
    const { editor, article, figure } = await setup();
    const status = await getPublishStatus({ actor: editor, articleId: article.id });
    expect(status.blockers.map((b) => b.claimId)).toEqual([figure.id]);
    expect(status.blockers[0]!.reason).toMatch(/“42 missiles” is a draft: get it approved or leave it out\./);
    const refused = await publishArticle({ actor: editor, articleId: article.id }).catch((e: AppError) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("conflict");
    expect((refused as AppError).details).toMatchObject({ blockers: [{ claimId: figure.id }] });
    expect(await prisma.articleSnapshot.count({ where: { articleId: article.id } })).toBe(0);
  });

  it("publishes once the claim is left out: a snapshot with the approved claim, its evidence and source", async () => {
    const { editor, reviewer, article, quote, figure, source, marker } = await setup();
    expect(await code(setClaimLeftOut({ actor: reviewer, claimId: figure.id, input: { leftOut: true } }))).toBe(
      "forbidden",
    );
    await setClaimLeftOut({ actor: editor, claimId: figure.id, input: { leftOut: true } });
    expect(await prisma.auditEvent.count({ where: { entityId: figure.id, action: "claim.leave_out" } })).toBe(1);
    expect(await code(publishArticle({ actor: reviewer, articleId: article.id }))).toBe("forbidden");

    const published = await publishArticle({ actor: editor, articleId: article.id });
    expect(published).toMatchObject({ number: 1, claimCount: 1, sourceSlugs: [source.slug] });
    const row = await prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(row.state).toBe("published");
    expect(row.factCheckPublishedAt).not.toBeNull();
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: article.id, action: "article.publish" },
    });
    expect(audit).toMatchObject({ actorId: editor.id, after: { snapshot: 1, claimIds: [quote.id] } });

    const snapshot = await getPublishedArticle({ articleId: article.id });
    expect(snapshot.content.claims).toHaveLength(1);
    const claim = snapshot.content.claims[0]!;
    expect(claim).toMatchObject({
      id: quote.id,
      kind: "quote",
      speaker: "George W. Bush",
      verdict: { key: "accurate", label: "Accurate", rating: 5 },
      reviewer: { name: reviewer.name },
    });
    const evidence = claim.evidence[0]!;
    expect(evidence.passage.text.slice(evidence.passage.citedStart, evidence.passage.citedEnd)).toBe(
      `We talked about ${marker} today.`,
    );
    expect(evidence.passage.speaker).toBe("PRESIDENT BUSH");
    expect(evidence.quoteCheckDetail).toMatchObject({ result: "minor_differences" });
    expect(snapshot.content.sources[0]).toMatchObject({
      slug: source.slug,
      place: "Moscow",
      primary: true,
      reliabilityNote: "OCR of a declassified scan.",
      url: "https://example.org/memcon",
      participants: ["George W. Bush", "Vladimir Putin"],
    });
    // The left-out claim's mark is not in what readers get.
    expect(JSON.stringify(snapshot.body)).toContain(quote.id);
    expect(JSON.stringify(snapshot.body)).not.toContain(figure.id);
  });

  it("keeps snapshots immutable", async () => {
    const { editor, article, figure } = await setup();
    await setClaimLeftOut({ actor: editor, claimId: figure.id, input: { leftOut: true } });
    await publishArticle({ actor: editor, articleId: article.id });
    const snapshot = await prisma.articleSnapshot.findFirstOrThrow({ where: { articleId: article.id } });
    await expect(
      prisma.articleSnapshot.update({ where: { id: snapshot.id }, data: { title: "Rewritten" } }),
    ).rejects.toThrow(/immutable/);
  });

  it("orphaned claims block unless left out", async () => {
    const { editor, article, figure } = await setup();
    await setClaimLeftOut({ actor: editor, claimId: figure.id, input: { leftOut: true } });
    await prisma.claim.update({
      where: { id: figure.id },
      data: { leftOut: false, state: "approved", verdictKey: "accurate", anchorStatus: "orphaned" },
    });
    const status = await getPublishStatus({ actor: editor, articleId: article.id });
    expect(status.blockers).toHaveLength(1);
    expect(status.blockers[0]!.reason).toMatch(/no longer in the text/);
  });

  it("hides drafts, unpublished articles and edits since publishing from readers until the next publish", async () => {
    const { editor, reviewer, article, figure, quote } = await setup();
    expect(await code(getPublishedArticle({ articleId: article.id }))).toBe("not_found");
    await setClaimLeftOut({ actor: editor, claimId: figure.id, input: { leftOut: true } });
    await publishArticle({ actor: editor, articleId: article.id });
    const before = await getPublishedArticle({ articleId: article.id });

    // The newsroom keeps working: new words, a changed verdict, the other claim approved.
    await updateArticle({
      actor: editor,
      articleId: article.id,
      input: {
        version: (await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).version,
        title: "A new headline",
        body: paragraphsToDoc(["Entirely new words."]),
      },
    });
    await prisma.claim.update({
      where: { id: quote.id },
      data: { verdictKey: "false", rationale: "Changed after publishing." },
    });
    const after = await getPublishedArticle({ articleId: article.id });
    expect(after).toEqual(before);
    expect(after.bodyText).not.toContain("Entirely new words");
    expect((await getPublishStatus({ actor: editor, articleId: article.id })).changedSincePublished).toBe(true);

    // An update is a new snapshot; only then do readers see the new text.
    await prisma.claim.update({ where: { id: quote.id }, data: { anchorStatus: "anchored" } });
    await setClaimLeftOut({ actor: editor, claimId: quote.id, input: { leftOut: true } });
    await approve(figure.id, { editor, reviewer, verdictKey: "false", rationale: "Nobody counted." });
    await prisma.claim.update({ where: { id: figure.id }, data: { leftOut: false, anchorStatus: "anchored" } });
    const update = await publishArticle({ actor: editor, articleId: article.id });
    expect(update.number).toBe(2);
    const updated = await getPublishedArticle({ articleId: article.id });
    expect(updated).toMatchObject({ number: 2, title: "A new headline", firstPublishedAt: before.publishedAt });
    expect(await prisma.auditEvent.count({ where: { entityId: article.id, action: "article.publish_update" } })).toBe(
      1,
    );

    await unpublishArticle({ actor: editor, articleId: article.id });
    expect(await code(getPublishedArticle({ articleId: article.id }))).toBe("not_found");
    expect((await listPublishedArticles()).some((a) => a.articleId === article.id)).toBe(false);
    expect(await prisma.auditEvent.count({ where: { entityId: article.id, action: "article.unpublish" } })).toBe(1);
    expect(await code(unpublishArticle({ actor: editor, articleId: article.id }))).toBe("conflict");
  });

  it("lists published fact-checks newest first and shows each cited source with the claims citing it", async () => {
    const first = await setup();
    const second = await setup();
    for (const s of [first, second]) {
      await setClaimLeftOut({ actor: s.editor, claimId: s.figure.id, input: { leftOut: true } });
      await publishArticle({ actor: s.editor, articleId: s.article.id });
    }
    const ids = (await listPublishedArticles()).map((a) => a.articleId);
    expect(ids.indexOf(second.article.id)).toBeLessThan(ids.indexOf(first.article.id));
    const cited = await getPublishedSource({ slug: first.source.slug });
    expect(cited.source.title).toBe(first.source.title);
    expect(cited.citations.map((c) => c.claim.id)).toEqual([first.quote.id]);
    expect(await code(getPublishedSource({ slug: "never-cited-anywhere" }))).toBe("not_found");
  });

  it("publishes a claim approved through the review workflow, with its quote check", async () => {
    const editor = await buildUser({ role: "editor" });
    const reviewer = await buildUser({ role: "reviewer" });
    const source = await buildSource(editor);
    const document = await prisma.sourceDocument.findUniqueOrThrow({
      where: { id: source.id },
      include: { passages: { orderBy: { ordinal: "asc" } } },
    });
    const marker = /about (\S+)\./.exec(document.passages[1]!.text)![1]!;
    const article = await buildArticle({ createdBy: editor, paragraphs: [`Putin said, “I agree about ${marker}.”`] });
    const claim = await markClaim(editor, article.id, `I agree about ${marker}.`, "quote", "PRESIDENT PUTIN");
    const passage = document.passages[1]!;
    const from = passage.text.indexOf("I agree");
    let { claim: view } = await linkEvidenceService({
      actor: editor,
      claimId: claim.id,
      input: { passageId: passage.id, start: from, end: passage.text.length, relation: "supports" },
    });
    view = await updateClaim({
      actor: editor,
      claimId: claim.id,
      input: { version: view.version, verdictKey: "accurate" },
    });
    view = await submitClaim({ actor: editor, claimId: claim.id, input: { version: view.version } });
    await reviewClaim({ actor: reviewer, claimId: claim.id, input: { version: view.version, decision: "approve" } });
    await publishArticle({ actor: editor, articleId: article.id });
    const published = (await getPublishedArticle({ articleId: article.id })).content.claims[0]!;
    expect(published).toMatchObject({
      verdict: { key: "accurate" },
      quoteCheck: "verbatim",
      reviewer: { name: reviewer.name },
    });
    expect(published.evidence[0]!.quoteCheckDetail).toMatchObject({ result: "verbatim" });
  });
});
