import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { importAnnotations } from "@/lib/services/annotations/import-annotations";
import { exportAnnotations } from "@/lib/services/exports/export-annotations";
import { exportClaimsCsv } from "@/lib/services/exports/export-claims-csv";
import { buildArticle, buildUser } from "@/test/support/factories";
import { approve, linkEvidence, markClaim } from "@/test/support/publishing-factories";
import { buildSource } from "@/test/support/source-factories";

async function setup() {
  const editor = await buildUser({ role: "editor" });
  const reviewer = await buildUser({ role: "reviewer" });
  const source = await buildSource(editor);
  const text = (await prisma.sourceDocument.findUniqueOrThrow({ where: { id: source.id } })).text;
  const marker = /about (\S+) today/.exec(text)![1]!;
  const paragraphs = [
    `Bush said, “We talked about ${marker} today.”`,
    `Putin agreed about ${marker} 😀, the paper says.`,
    "=SUM(A1) officials counted 42 missiles.",
  ];
  const article = await buildArticle({ createdBy: editor, paragraphs });
  const quote = await markClaim(editor, article.id, `We talked about ${marker} today.`, "quote", "George W. Bush");
  const attribution = await markClaim(editor, article.id, `Putin agreed about ${marker} 😀`, "attribution");
  const figure = await markClaim(editor, article.id, "=SUM(A1) officials counted 42 missiles", "figure");
  await linkEvidence(editor, quote.id, source.id, `We talked about ${marker} today.`);
  await linkEvidence(editor, attribution.id, source.id, `I agree about ${marker}.`, "contradicts");
  await approve(quote.id, { editor, reviewer, verdictKey: "misleading", rationale: "Said, but not about this." });
  return { editor, reviewer, source, marker, paragraphs, article, quote, attribution, figure };
}

const project = async (articleId: string) =>
  (
    await prisma.claim.findMany({
      where: { articleId },
      orderBy: { start: "asc" },
      include: { evidence: { select: { relation: true, exact: true, start: true, end: true, passageId: true } } },
    })
  ).map((c) => ({
    kind: c.kind,
    exact: c.exact,
    start: c.start,
    end: c.end,
    speaker: c.speaker,
    verdictKey: c.verdictKey,
    rationale: c.rationale,
    anchorStatus: c.anchorStatus,
    evidence: c.evidence,
  }));

describe("W3C Web Annotation round trip", () => {
  it("recreates every claim and its evidence in an article with the same text", async () => {
    const { editor, article, paragraphs } = await setup();
    const exported = await exportAnnotations({ actor: editor, articleId: article.id, baseUrl: "http://localhost" });
    expect(exported.total).toBe(3);
    const copy = await buildArticle({ createdBy: editor, paragraphs });
    const result = await importAnnotations({
      actor: editor,
      articleId: copy.id,
      input: JSON.parse(JSON.stringify(exported)),
    });
    expect(result).toMatchObject({ anchored: 3, orphaned: 0, version: 2 });
    expect(result.claims.flatMap((c) => (c.status === "anchored" ? c.evidence.map((e) => e.status) : []))).toEqual([
      "linked",
      "linked",
    ]);
    expect(await project(copy.id)).toEqual(await project(article.id));
    const stored = await prisma.claim.findMany({ where: { articleId: copy.id } });
    expect(stored.every((c) => c.state === "draft")).toBe(true);
    // The importer judged what came with a verdict or rationale: they may not approve it.
    const judged = stored.filter((c) => c.verdictKey || c.rationale);
    expect(judged.length).toBeGreaterThan(0);
    for (const c of judged) expect(c).toMatchObject({ verdictById: editor.id, judgedByIds: [editor.id] });
    expect(JSON.stringify((await prisma.article.findUniqueOrThrow({ where: { id: copy.id } })).body)).toContain(
      stored[0]!.id,
    );
    expect(await prisma.auditEvent.count({ where: { entityId: copy.id, action: "article.import_annotations" } })).toBe(
      1,
    );
    // The export of the copy is the same annotations (ids and dates aside).
    const again = await exportAnnotations({ actor: editor, articleId: copy.id, baseUrl: "http://localhost" });
    const strip = (c: typeof exported) =>
      c.first.items.map((a) => ({
        ...a,
        id: undefined,
        created: undefined,
        "sm:state": undefined,
        target: { ...a.target, source: undefined },
      }));
    expect(strip(again)).toEqual(strip(exported));
  });

  it("into a changed text, anchors what is still there and reports the rest orphaned, never elsewhere", async () => {
    const { editor, article, marker } = await setup();
    const exported = await exportAnnotations({ actor: editor, articleId: article.id, baseUrl: "http://localhost" });
    // The first paragraph is new, so the quote moves; the attribution's words are gone, though
    // similar words ("agreed about") remain in a sentence that must not receive the claim.
    const changed = await buildArticle({
      createdBy: editor,
      paragraphs: [
        "A new opening paragraph pushes everything down.",
        `Bush said, “We talked about ${marker} today.”`,
        `Nobody agreed about anything, the paper says.`,
        "=SUM(A1) officials counted 42 missiles.",
      ],
    });
    const result = await importAnnotations({
      actor: editor,
      articleId: changed.id,
      input: JSON.parse(JSON.stringify(exported)),
    });
    expect(result).toMatchObject({ anchored: 2, orphaned: 1 });
    const orphan = result.claims.find((c) => c.status === "orphaned")!;
    expect(orphan.exact).toBe(`Putin agreed about ${marker} 😀`);
    const claims = await prisma.claim.findMany({ where: { articleId: changed.id } });
    const text = (await prisma.article.findUniqueOrThrow({ where: { id: changed.id } })).bodyText;
    for (const c of claims) expect(text.slice(c.start, c.end)).toBe(c.exact);
    expect(claims.map((c) => c.exact).sort()).toEqual([
      "=SUM(A1) officials counted 42 missiles",
      `We talked about ${marker} today.`,
    ]);
  });

  it("reports evidence in a source this library does not have", async () => {
    const { editor, article, paragraphs } = await setup();
    const exported = await exportAnnotations({ actor: editor, articleId: article.id, baseUrl: "http://localhost" });
    const json = JSON.parse(JSON.stringify(exported).replaceAll('"sm:slug":"', '"sm:slug":"missing-'));
    const copy = await buildArticle({ createdBy: editor, paragraphs });
    const result = await importAnnotations({ actor: editor, articleId: copy.id, input: json });
    expect(result.claims.flatMap((c) => (c.status === "anchored" ? c.evidence.map((e) => e.status) : []))).toEqual([
      "not_found",
      "not_found",
    ]);
  });

  it("refuses a reviewer", async () => {
    const { article, reviewer } = await setup();
    await expect(importAnnotations({ actor: reviewer, articleId: article.id, input: [] })).rejects.toBeInstanceOf(
      AppError,
    );
  });
});

describe("claims CSV", () => {
  it("has one row per claim with verdict, kind, speaker, words, state and evidence sources, formulas neutralised", async () => {
    const { editor, article, source, marker } = await setup();
    const { csv } = await exportClaimsCsv({ actor: editor, articleId: article.id });
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      "claim_id,kind,speaker,words,state,anchor,left_out,verdict,rating,quote_check,rationale,evidence_sources",
    );
    expect(lines[1]).toContain(
      `,quote,George W. Bush,We talked about ${marker} today.,approved,anchored,no,Misleading,2,minor_differences,Said but not about this.`
        .replace("Said but", '"Said, but')
        .replace("this.", 'this."'),
    );
    expect(lines[1]).toContain(`${source.title} [${source.slug}] (supports)`);
    expect(lines[3]).toContain(",figure,,'=SUM(A1) officials counted 42 missiles,draft,");
  });
});
