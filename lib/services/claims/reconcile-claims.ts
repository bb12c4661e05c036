import "server-only";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/policies";
import { addClaimMark, claimRanges, removeClaimMarks, type ClaimRange } from "@/lib/editor/claim-ranges";
import { articleSchema } from "@/lib/editor/extensions";
import { buildTextMap } from "@/lib/editor/text-map";
import { Prisma, type Claim, type ClaimState } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { describeRange } from "@/lib/text/anchoring";
import { reanchorAll } from "@/lib/text/reanchor";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import type { StaleDetail } from "@/lib/services/claims/present-claim";

export type NewClaimInput = { id: string; kind: Claim["kind"]; speaker?: string | null };
export type Reconciled = { doc: PMNode; text: string; strippedClaimIds: string[] };

// A claim someone has already judged goes back to be checked when its words change.
const JUDGED: ClaimState[] = ["in_review", "changes_requested", "approved", "rejected"];
const isJudged = (c: Claim) => JUDGED.includes(c.state) || c.verdictKey !== null;

const snapshot = (c: Pick<Claim, "exact" | "start" | "end" | "state" | "anchorStatus">) => ({ exact: c.exact, start: c.start, end: c.end, state: c.state, anchorStatus: c.anchorStatus });

/**
 * Brings an article's claims in line with a new body, inside the caller's transaction.
 * The claim marks say where each claim is now. A script that sends plain paragraphs asks for
 * `reanchorByText`: claims are then found again by their words and the marks put back. That is
 * never inferred from missing marks: an editor who deleted every marked word must see the
 * claims orphaned, not moved to the same words elsewhere.
 * Claims whose marks are gone are orphaned, never deleted and never moved to other words.
 */
export async function reconcileClaims(tx: Tx, options: { actor: Actor; articleId: string; oldText: string; doc: PMNode; newClaims?: NewClaimInput[]; reanchorByText?: boolean }): Promise<Reconciled> {
  const { actor, articleId, oldText } = options;
  const claims = await tx.claim.findMany({ where: { articleId } });
  const known = new Set([...claims.map((c) => c.id), ...(options.newClaims ?? []).map((c) => c.id)]);
  let doc = options.doc;
  let map = buildTextMap(doc);
  let ranges = claimRanges(doc, map);
  const stripped = [...ranges.keys()].filter((id) => !known.has(id));
  if (stripped.length > 0) {
    // Removing marks can join text nodes, so the map is rebuilt with the ranges.
    doc = removeClaimMarks(doc, new Set(stripped));
    map = buildTextMap(doc);
    ranges = claimRanges(doc, map);
  }
  let text = map.text;

  if (options.reanchorByText && ranges.size === 0 && claims.some((c) => c.anchorStatus === "anchored")) {
    const live = claims.filter((c) => c.anchorStatus === "anchored");
    const outcomes = reanchorAll(oldText, text, live.map((c) => ({ id: c.id, selectors: { quote: { type: "TextQuoteSelector", exact: c.exact, prefix: c.prefix, suffix: c.suffix }, position: { type: "TextPositionSelector", start: c.start, end: c.end } } })));
    for (const outcome of outcomes) {
      if (outcome.status === "orphaned") continue;
      doc = addClaimMark(doc, articleSchema(), { claimId: outcome.id, start: outcome.start, end: outcome.end });
    }
    map = buildTextMap(doc);
    text = map.text;
    ranges = claimRanges(doc, map);
  }

  for (const claim of claims) await settleClaim(tx, actor, claim, ranges.get(claim.id), text);
  for (const fresh of options.newClaims ?? []) {
    const range = ranges.get(fresh.id);
    if (!range) throw new AppError("invalid_input", "The body has no mark for the new claim: mark its words with the claim's id.");
    await createClaimRow(tx, actor, articleId, fresh, range, text);
  }
  return { doc, text, strippedClaimIds: stripped };
}

async function createClaimRow(tx: Tx, actor: Actor, articleId: string, fresh: NewClaimInput, range: ClaimRange, text: string) {
  const selectors = describeRange(text, range.start, range.end);
  const row = await tx.claim.create({
    data: {
      id: fresh.id,
      articleId,
      kind: fresh.kind,
      speaker: fresh.speaker ?? null,
      exact: selectors.quote.exact,
      prefix: selectors.quote.prefix,
      suffix: selectors.quote.suffix,
      start: selectors.position!.start,
      end: selectors.position!.end,
      createdById: actor.id,
    },
  });
  await recordAuditEvent(tx, { actorId: actor.id, action: "claim.create", entityType: "claim", entityId: row.id, after: { ...snapshot(row), kind: row.kind, speaker: row.speaker } });
}

async function settleClaim(tx: Tx, actor: Actor, claim: Claim, range: ClaimRange | undefined, text: string) {
  if (!range) {
    if (claim.anchorStatus === "orphaned") return;
    const after = await tx.claim.update({ where: { id: claim.id }, data: { anchorStatus: "orphaned", version: { increment: 1 } } });
    await recordAuditEvent(tx, { actorId: actor.id, action: "claim.orphan", entityType: "claim", entityId: claim.id, before: snapshot(claim), after: snapshot(after) });
    return;
  }
  const selectors = describeRange(text, range.start, range.end);
  const exact = selectors.quote.exact;
  const place = { exact, prefix: selectors.quote.prefix, suffix: selectors.quote.suffix, start: selectors.position!.start, end: selectors.position!.end };
  const reanchored = claim.anchorStatus === "orphaned";
  const stale = claim.staleDetail as StaleDetail | null;
  let data: Prisma.ClaimUpdateInput = { ...place, anchorStatus: "anchored" };
  let action: string | null = reanchored ? "claim.reanchor" : null;

  if (exact !== claim.exact) {
    if (claim.state === "stale" && stale && exact === stale.previousExact) {
      // The words are back as they were checked (an undo): so is the claim's state.
      data = { ...data, state: stale.stateBefore, staleDetail: Prisma.DbNull };
      action = "claim.restore";
    } else if (isJudged(claim) || claim.state === "stale") {
      const detail: StaleDetail = {
        previousExact: stale?.previousExact ?? claim.exact,
        currentExact: exact,
        stateBefore: stale?.stateBefore ?? claim.state,
        at: new Date().toISOString(),
      };
      data = { ...data, state: "stale", staleDetail: detail };
      action = "claim.stale";
    } else {
      action = "claim.text-change";
    }
  } else if (!reanchored && claim.start === place.start && claim.end === place.end && claim.prefix === place.prefix && claim.suffix === place.suffix) {
    return;
  }
  // A claim that only moved with its words is the same claim: its version (which guards edits
  // to its verdict and speaker) stays, so an open claim form is not falsely told of a conflict.
  const after = await tx.claim.update({ where: { id: claim.id }, data: action ? { ...data, version: { increment: 1 } } : data });
  if (action) await recordAuditEvent(tx, { actorId: actor.id, action, entityType: "claim", entityId: claim.id, before: snapshot(claim), after: { ...snapshot(after), staleDetail: after.staleDetail } });
}
