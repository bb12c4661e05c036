import "server-only";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/policies";
import { addClaimMark, claimRanges, removeClaimMarks, type ClaimRange } from "@/lib/editor/claim-ranges";
import { articleSchema } from "@/lib/editor/extensions";
import { buildTextMap } from "@/lib/editor/text-map";
import { Prisma, type Claim } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { describeRange } from "@/lib/text/anchoring/anchoring";
import { reanchorAll } from "@/lib/text/anchoring/reanchor";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { settleClaimContent } from "@/lib/services/claims/claim-content";
import { lockArticleClaims } from "@/lib/services/claims/claim-rows";
import {
  CLAIM_VIEW_INCLUDE,
  presentClaim,
  type ClaimView,
  type StaleDetail,
} from "@/lib/services/claims/present-claim";
import { byDocumentOrder } from "@/lib/editor/claim-order";
import { decide } from "@/lib/workflow/claim-lifecycle";

export type NewClaimInput = { id: string; kind: Claim["kind"]; speaker?: string | null };
/** `claims`: every claim of the article as it now stands, in document order (what a save answers). */
export type Reconciled = { doc: PMNode; text: string; strippedClaimIds: string[]; claims: ClaimView[] };

const snapshot = (c: Pick<Claim, "exact" | "start" | "end" | "state" | "anchorStatus">) => ({
  exact: c.exact,
  start: c.start,
  end: c.end,
  state: c.state,
  anchorStatus: c.anchorStatus,
});

/**
 * Brings an article's claims in line with a new body, inside the caller's transaction.
 * The claim marks say where each claim is now. A script that sends plain paragraphs asks for
 * `reanchorByText`: claims are then found again by their words and the marks put back. That is
 * never inferred from missing marks: an editor who deleted every marked word must see the
 * claims orphaned, not moved to the same words elsewhere.
 * Claims whose marks are gone are orphaned, never deleted and never moved to other words.
 */
export async function reconcileClaims(
  tx: Tx,
  options: {
    actor: Actor;
    articleId: string;
    oldText: string;
    doc: PMNode;
    newClaims?: NewClaimInput[];
    reanchorByText?: boolean;
  },
): Promise<Reconciled> {
  const { actor, articleId, oldText } = options;
  // Lock the article's claims (in one order, so two saves cannot deadlock): a verdict saved while
  // this save re-anchors waits for it, then sees its version and refuses rather than overwrite.
  const claims = await lockArticleClaims(tx, articleId);
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
    const outcomes = reanchorAll(
      oldText,
      text,
      live.map((c) => ({
        id: c.id,
        selectors: {
          quote: { type: "TextQuoteSelector", exact: c.exact, prefix: c.prefix, suffix: c.suffix },
          position: { type: "TextPositionSelector", start: c.start, end: c.end },
        },
      })),
    );
    for (const outcome of outcomes) {
      if (outcome.status === "orphaned") continue;
      doc = addClaimMark(doc, articleSchema(), { claimId: outcome.id, start: outcome.start, end: outcome.end });
    }
    map = buildTextMap(doc);
    text = map.text;
    ranges = claimRanges(doc, map);
  }

  const moves: Move[] = [];
  const wordsChanged: string[] = [];
  // The claims as they will stand, for the answer: rows read above, moved in memory, and the few
  // that changed otherwise read again at the end, rather than every claim read twice.
  const now = new Map(claims.map((c) => [c.id, c]));
  const reread = new Set<string>();
  const movedAt = new Date();
  for (const claim of claims) {
    const outcome = await settleClaim(tx, actor, claim, ranges.get(claim.id), text);
    if (outcome?.kind === "move") {
      moves.push(outcome.move);
      now.set(claim.id, { ...claim, ...outcome.move, updatedAt: movedAt });
    } else if (outcome) reread.add(claim.id);
    if (outcome?.kind === "words") wordsChanged.push(claim.id);
  }
  await moveClaims(tx, moves, movedAt);
  // New words mean new quote checks against the same evidence.
  for (const id of wordsChanged) await settleClaimContent(tx, actor, id, "words");
  for (const fresh of options.newClaims ?? []) {
    const range = ranges.get(fresh.id);
    if (!range)
      throw new AppError(
        "invalid_input",
        "The body has no mark for the new claim: mark its words with the claim's id.",
      );
    await createClaimRow(tx, actor, articleId, fresh, range, text);
    reread.add(fresh.id);
  }
  if (reread.size > 0)
    for (const row of await tx.claim.findMany({ where: { id: { in: [...reread] } }, include: CLAIM_VIEW_INCLUDE }))
      now.set(row.id, row);
  return { doc, text, strippedClaimIds: stripped, claims: [...now.values()].map(presentClaim).sort(byDocumentOrder) };
}

type Move = { id: string; exact: string; prefix: string; suffix: string; start: number; end: number };

/**
 * Claims that only moved with their words (the common case: every claim after an edit shifts)
 * are written in one statement, however many there are.
 */
async function moveClaims(tx: Tx, moves: Move[], at: Date): Promise<void> {
  if (moves.length === 0) return;
  const column = <K extends keyof Move>(key: K) => moves.map((m) => m[key]);
  await tx.$executeRaw`
    UPDATE claims AS c
    SET exact = v.exact, prefix = v.prefix, suffix = v.suffix, start = v.start, "end" = v."end", updated_at = ${at}
    FROM unnest(${column("id")}::text[], ${column("exact")}::text[], ${column("prefix")}::text[], ${column("suffix")}::text[], ${column("start")}::int[], ${column("end")}::int[])
      AS v(id, exact, prefix, suffix, start, "end")
    WHERE c.id = v.id`;
}

/** Inserts a new claim's row, placed at `range` of `text`, with its audit event. */
export async function createClaimRow(
  tx: Tx,
  actor: Actor,
  articleId: string,
  fresh: NewClaimInput,
  range: Pick<ClaimRange, "start" | "end">,
  text: string,
) {
  const selectors = describeRange(text, range.start, range.end);
  const row = await tx.claim.create({
    include: CLAIM_VIEW_INCLUDE,
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
  await recordAuditEvent(tx, {
    actorId: actor.id,
    action: "claim.create",
    entityType: "claim",
    entityId: row.id,
    after: { ...snapshot(row), kind: row.kind, speaker: row.speaker },
  });
  return row;
}

const lifecycle = (c: Claim) => ({
  kind: c.kind,
  state: c.state,
  anchored: c.anchorStatus === "anchored",
  verdict: c.verdictKey ? { key: c.verdictKey, label: c.verdictKey, requiresRationale: false, archived: false } : null,
  rationale: c.rationale,
  verdictById: c.verdictById,
  judgedByIds: c.judgedByIds ?? [],
  evidenceCount: 0,
  evidenceCreatorIds: [],
});

/** What became of one claim: nothing, a move to batch, or a change written here (of its words, or of its anchoring). */
async function settleClaim(
  tx: Tx,
  actor: Actor,
  claim: Claim,
  range: ClaimRange | undefined,
  text: string,
): Promise<{ kind: "move"; move: Move } | { kind: "words" } | { kind: "changed" } | null> {
  if (!range) {
    if (claim.anchorStatus === "orphaned") return null;
    const after = await tx.claim.update({
      where: { id: claim.id },
      data: { anchorStatus: "orphaned", version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "claim.orphan",
      entityType: "claim",
      entityId: claim.id,
      before: snapshot(claim),
      after: snapshot(after),
    });
    return { kind: "changed" };
  }
  const selectors = describeRange(text, range.start, range.end);
  const exact = selectors.quote.exact;
  const place = {
    exact,
    prefix: selectors.quote.prefix,
    suffix: selectors.quote.suffix,
    start: selectors.position!.start,
    end: selectors.position!.end,
  };
  const reanchored = claim.anchorStatus === "orphaned";
  const stale = claim.staleDetail as StaleDetail | null;

  if (exact === claim.exact && !reanchored) {
    if (
      claim.start === place.start &&
      claim.end === place.end &&
      claim.prefix === place.prefix &&
      claim.suffix === place.suffix
    )
      return null;
    // A claim that only moved with its words is the same claim: its version (which guards edits
    // to its verdict and speaker) stays, so an open claim form is not falsely told of a conflict.
    return { kind: "move", move: { id: claim.id, ...place } };
  }

  let data: Prisma.ClaimUpdateInput = { ...place, anchorStatus: "anchored" };
  let action = reanchored ? "claim.reanchor" : "claim.text-change";
  if (exact !== claim.exact) {
    if (claim.state === "stale" && stale?.previousExact !== undefined && exact === stale.previousExact) {
      // The words are back as they were checked (an undo): so is the claim's state.
      const decision = decide(lifecycle(claim), { type: "content_restored", stateBefore: stale.stateBefore }, "system");
      data = { ...data, state: decision.ok ? decision.state : claim.state, staleDetail: Prisma.DbNull };
      action = "claim.restore";
    } else {
      const decision = decide(lifecycle(claim), { type: "content_changed", what: "words" }, "system");
      if (decision.ok && decision.state === "stale") {
        const detail: StaleDetail = {
          previousExact: stale?.previousExact ?? claim.exact,
          currentExact: exact,
          stateBefore: stale?.stateBefore ?? claim.state,
          at: new Date().toISOString(),
          changes: [
            ...(stale?.changes ?? []).filter((c) => !c.startsWith("The claim's words changed")),
            "The claim's words changed.",
          ],
        };
        data = { ...data, state: "stale", staleDetail: detail };
        action = "claim.stale";
      }
    }
  }
  const after = await tx.claim.update({ where: { id: claim.id }, data: { ...data, version: { increment: 1 } } });
  await recordAuditEvent(tx, {
    actorId: actor.id,
    action,
    entityType: "claim",
    entityId: claim.id,
    before: snapshot(claim),
    after: { ...snapshot(after), staleDetail: after.staleDetail },
  });
  return exact !== claim.exact ? { kind: "words" } : { kind: "changed" };
}
