import "server-only";
import { randomUUID } from "node:crypto";
import { Node as PMNode } from "@tiptap/pm/model";
import { prisma, type Tx } from "@/lib/db";
import { articleWhereForUser, authorize, sourceWhereForUser, type Actor } from "@/lib/auth/policies";
import { addClaimMark } from "@/lib/editor/claim-ranges";
import { articleSchema } from "@/lib/editor/extensions";
import { notFound } from "@/lib/errors";
import {
  spanOf,
  ZAnnotationImportRequest,
  type ImportSpan,
  type TAnnotation,
  type TAnnotationImportRequest,
} from "@/lib/schemas/annotations";
import { writeArticleBody } from "@/lib/services/articles/write-article-body";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { settleClaimContent } from "@/lib/services/claims/claim-content";
import { insertEvidence } from "@/lib/services/evidence/insert-evidence";
import { anchor, type AnchorResult } from "@/lib/text/anchoring/anchoring";

export type EvidenceOutcome = {
  slug: string;
  status: "linked" | "not_found" | "orphaned";
  evidenceId?: string;
  start?: number;
  end?: number;
  reason?: string;
};
export type ClaimOutcome =
  | {
      index: number;
      from?: string;
      status: "anchored";
      claimId: string;
      exact: string;
      start: number;
      end: number;
      evidence: EvidenceOutcome[];
    }
  | { index: number; from?: string; status: "orphaned"; exact: string; reason: string };
export type AnnotationsImported = { version: number; anchored: number; orphaned: number; claims: ClaimOutcome[] };

const anchorSpan = (text: string, span: ImportSpan): AnchorResult =>
  anchor(text, {
    quote: { type: "TextQuoteSelector", exact: span.exact, prefix: span.prefix, suffix: span.suffix },
    // A position that cannot be in this text is a hint from another text: anchor by the quote.
    position:
      span.start !== undefined && span.end !== undefined && span.start < span.end && span.end <= text.length
        ? { type: "TextPositionSelector", start: span.start, end: span.end }
        : undefined,
  });

/**
 * Recreates claims and their evidence from a W3C AnnotationCollection (lib/export/web-annotation.ts)
 * in one transaction. Each claim is anchored in this article's text by its selectors, so into a
 * changed text it lands on the same words or is reported orphaned, never on other words; the
 * same holds for each evidence span in its source document, found by slug. Imported claims
 * start as drafts: a verdict travels with them but must be reviewed here again.
 */
export async function importAnnotations({
  actor,
  articleId,
  input,
}: {
  actor: Actor | null;
  articleId: string;
  input: TAnnotationImportRequest;
}): Promise<AnnotationsImported> {
  authorize(actor, "claim:create");
  authorize(actor, "evidence:link");
  const annotations = ZAnnotationImportRequest.parse(input);
  return prisma.$transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { AND: [{ id: articleId }, articleWhereForUser(actor)] },
      select: { body: true, bodyText: true, version: true },
    });
    if (!article) throw notFound("That article");
    const schema = articleSchema();
    let doc = PMNode.fromJSON(schema, article.body);
    const placed: { index: number; id: string; annotation: TAnnotation; start: number; end: number }[] = [];
    const outcomes: ClaimOutcome[] = [];
    annotations.forEach((annotation, index) => {
      const span = spanOf(annotation.target.selector);
      const found = anchorSpan(article.bodyText, span);
      if (found.status === "orphaned") {
        outcomes[index] = {
          index,
          from: annotation.id,
          status: "orphaned",
          exact: span.exact,
          reason: `Its words are not in this article's text (${found.reason}).`,
        };
        return;
      }
      const id = randomUUID();
      doc = addClaimMark(doc, schema, { claimId: id, start: found.start, end: found.end });
      placed.push({ index, id, annotation, start: found.start, end: found.end });
    });

    let version = article.version;
    if (placed.length) {
      const newClaims = placed.map((p) => ({
        id: p.id,
        kind: p.annotation["sm:kind"],
        speaker: p.annotation["sm:speaker"] ?? null,
      }));
      ({ version } = await writeArticleBody(tx, actor, {
        articleId,
        version: article.version,
        body: doc.toJSON(),
        newClaims,
        current: article,
      }));
    }
    const verdicts = new Set(
      (await tx.verdict.findMany({ where: { archived: false }, select: { key: true } })).map((v) => v.key),
    );
    const documents: DocumentCache = new Map();
    for (const p of placed) {
      const claim = await tx.claim.findUniqueOrThrow({
        where: { id: p.id },
        select: { exact: true, start: true, end: true },
      });
      const verdictKey = p.annotation.body
        .map((b) => (b as { "sm:verdictKey"?: string })["sm:verdictKey"])
        .find((k) => k && verdicts.has(k));
      const rationale = p.annotation.body.find(
        (b) => b.type === "TextualBody" && (b as { purpose?: string }).purpose === "commenting",
      ) as { value: string } | undefined;
      if (verdictKey || rationale) {
        await tx.claim.update({
          where: { id: p.id },
          data: {
            verdictKey: verdictKey ?? null,
            rationale: rationale?.value ?? "",
            // The importer judged it: they may not approve it (reviewRefusal), whoever edits it next.
            verdictById: actor.id,
            verdictAt: new Date(),
            judgedByIds: [actor.id],
          },
        });
      }
      const evidence: EvidenceOutcome[] = [];
      for (const body of p.annotation.body) {
        if (body.type !== "SpecificResource") continue;
        evidence.push(await linkImportedEvidence(tx, actor, documents, p.id, body as EvidenceBody));
      }
      // The claim's best quote check, from the evidence just linked (each has its own already).
      if (evidence.some((e) => e.status === "linked")) await settleClaimContent(tx, actor, p.id, "evidence");
      outcomes[p.index] = {
        index: p.index,
        from: p.annotation.id,
        status: "anchored",
        claimId: p.id,
        exact: claim.exact,
        start: claim.start,
        end: claim.end,
        evidence,
      };
    }
    const anchored = placed.length;
    const orphaned = annotations.length - anchored;
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "article.import_annotations",
      entityType: "article",
      entityId: articleId,
      after: { anchored, orphaned, claimIds: placed.map((p) => p.id) },
    });
    return { version, anchored, orphaned, claims: outcomes };
  });
}

type EvidenceBody = {
  "sm:relation": "supports" | "contradicts" | "context";
  "sm:note"?: string;
  source: { "sm:slug": string };
  selector: Parameters<typeof spanOf>[0];
};
type DocumentCache = Map<
  string,
  { id: string; text: string; passages: { id: string; start: number; end: number }[] } | null
>;

async function linkImportedEvidence(
  tx: Tx,
  actor: Actor,
  documents: DocumentCache,
  claimId: string,
  body: EvidenceBody,
): Promise<EvidenceOutcome> {
  const slug = body.source["sm:slug"];
  if (!documents.has(slug)) {
    const found = await tx.sourceDocument.findFirst({
      where: { AND: [{ slug }, sourceWhereForUser(actor)] },
      select: {
        id: true,
        text: true,
        passages: { select: { id: true, start: true, end: true }, orderBy: { ordinal: "asc" } },
      },
    });
    documents.set(slug, found);
  }
  const document = documents.get(slug);
  if (!document) return { slug, status: "not_found", reason: "No source with that slug is in this library." };
  const found = anchorSpan(document.text, spanOf(body.selector));
  if (found.status === "orphaned")
    return { slug, status: "orphaned", reason: `The cited words are not in this source's text (${found.reason}).` };
  const passage = document.passages.find((x) => x.start <= found.start && found.end <= x.end);
  if (!passage)
    return {
      slug,
      status: "orphaned",
      reason: "The cited words now cross a passage boundary of this source: link them by hand.",
    };
  // insertEvidence writes the span as document offsets with its selectors and quote check.
  const row = await insertEvidence(tx, actor, {
    claimId,
    passageId: passage.id,
    start: found.start - passage.start,
    end: found.end - passage.start,
    relation: body["sm:relation"],
    note: body["sm:note"],
  });
  return { slug, status: "linked", evidenceId: row.id, start: row.start, end: row.end };
}
