import "server-only";
// What a claim is made of for review purposes — words, speaker, verdict, rationale, evidence
// spans and their words — loaded under a row lock, frozen at approval, and compared afterwards.
import type { Tx } from "@/lib/db";
import { claimWhereForUser, type Actor } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { bestQuoteCheck, checkEvidence } from "@/lib/services/evidence/check-evidence";
import type { StaleDetail } from "@/lib/services/claims/present-claim";
import { decide, type ClaimState, type LifecycleClaim } from "@/lib/workflow/claim-lifecycle";

const CONTENT_INCLUDE = {
  verdict: { select: { key: true, label: true, requiresRationale: true, archived: true } },
  evidence: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      passageId: true,
      start: true,
      end: true,
      exact: true,
      relation: true,
      note: true,
      createdById: true,
      quoteCheck: true,
      quoteCheckDetail: true,
      passage: { select: { speaker: true, document: { select: { id: true, title: true, primary: true } } } },
    },
  },
} satisfies Prisma.ClaimInclude;

export type ClaimWithContent = Prisma.ClaimGetPayload<{ include: typeof CONTENT_INCLUDE }>;

/** The approved content; any later difference makes the claim stale. */
export type FrozenContent = {
  exact: string;
  speaker: string | null;
  kind: string;
  verdictKey: string | null;
  rationale: string;
  evidence: {
    id: string;
    document: string;
    exact: string;
    relation: string;
    /** What readers see beside the cited words. Absent in approvals frozen before notes were. */
    note?: string;
    passageSpeaker: string | null;
  }[];
};

/**
 * Loads a claim the actor may see, locking its row until the transaction ends, so a verdict
 * and a body save (or two reviews) of one claim run one after the other, never interleaved.
 */
export async function lockClaim(tx: Tx, actor: Actor | null, claimId: string): Promise<ClaimWithContent> {
  await tx.$queryRaw`SELECT id FROM claims WHERE id = ${claimId} FOR UPDATE`;
  return loadClaim(tx, actor, claimId);
}

/** The same, without a lock: for reading. */
export async function loadClaim(tx: Tx, actor: Actor | null, claimId: string): Promise<ClaimWithContent> {
  const claim = await tx.claim.findFirst({
    where: { AND: [{ id: claimId }, claimWhereForUser(actor)] },
    include: CONTENT_INCLUDE,
  });
  if (!claim) throw notFound("That claim");
  return claim;
}

export function lifecycleOf(claim: ClaimWithContent): LifecycleClaim {
  return {
    kind: claim.kind,
    state: claim.state,
    anchored: claim.anchorStatus === "anchored",
    verdict: claim.verdict,
    rationale: claim.rationale,
    verdictById: claim.verdictById,
    judgedByIds: claim.judgedByIds ?? [],
    evidenceCount: claim.evidence.length,
    evidenceCreatorIds: [...new Set(claim.evidence.map((e) => e.createdById))],
  };
}

export function frozenContent(claim: ClaimWithContent): FrozenContent {
  return {
    exact: claim.exact,
    speaker: claim.speaker,
    kind: claim.kind,
    verdictKey: claim.verdictKey,
    rationale: claim.rationale,
    evidence: claim.evidence.map((e) => ({
      id: e.id,
      document: e.passage.document.title,
      exact: e.exact,
      relation: e.relation,
      note: e.note,
      passageSpeaker: e.passage.speaker,
    })),
  };
}

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

/** Sentences saying what differs between what was approved and what the claim is now. */
export function describeChanges(before: FrozenContent, now: FrozenContent): string[] {
  const changes: string[] = [];
  if (before.exact !== now.exact)
    changes.push(`The claim's words changed: “${short(before.exact)}” → “${short(now.exact)}”.`);
  if (before.speaker !== now.speaker)
    changes.push(`The speaker changed: ${before.speaker ?? "none"} → ${now.speaker ?? "none"}.`);
  if (before.kind !== now.kind) changes.push(`The kind changed: ${before.kind} → ${now.kind}.`);
  if (before.verdictKey !== now.verdictKey)
    changes.push(`The verdict changed: ${before.verdictKey ?? "none"} → ${now.verdictKey ?? "none"}.`);
  if (before.rationale !== now.rationale) changes.push("The rationale changed.");
  const nowById = new Map(now.evidence.map((e) => [e.id, e]));
  const beforeIds = new Set(before.evidence.map((e) => e.id));
  for (const e of before.evidence) {
    const current = nowById.get(e.id);
    if (!current) changes.push(`Evidence removed: ${e.document}, “${short(e.exact)}”.`);
    else {
      if (current.exact !== e.exact)
        changes.push(`The cited words of ${e.document} changed: “${short(e.exact)}” → “${short(current.exact)}”.`);
      if (current.relation !== e.relation)
        changes.push(
          `${e.document} now ${current.relation === "context" ? "gives context" : current.relation} instead of ${e.relation === "context" ? "giving context" : e.relation}.`,
        );
      if (e.note !== undefined && current.note !== e.note)
        changes.push(
          current.note
            ? `The note on ${e.document} changed: “${short(current.note)}”.`
            : `The note on ${e.document} was removed.`,
        );
      if (current.passageSpeaker !== e.passageSpeaker)
        changes.push(
          `The speaker of the cited passage in ${e.document} changed: ${e.passageSpeaker ?? "none"} → ${current.passageSpeaker ?? "none"}.`,
        );
    }
  }
  for (const e of now.evidence)
    if (!beforeIds.has(e.id)) changes.push(`Evidence added: ${e.document}, “${short(e.exact)}”.`);
  return changes;
}

/**
 * Recomputes a claim's quote checks (per evidence, and the claim's best) and, when its evidence
 * changed after it was submitted or approved, makes it stale saying what changed. Runs in the
 * caller's transaction after the change was written; returns whether anything was updated.
 */
export async function settleClaimContent(
  tx: Tx,
  actor: Actor,
  claimId: string,
  reason: "words" | "evidence",
): Promise<void> {
  const claim = await tx.claim.findUnique({ where: { id: claimId }, include: CONTENT_INCLUDE });
  if (!claim) return;
  const checks = claim.evidence.map((e) => ({ e, check: checkEvidence(claim, e.exact, e.passage.speaker) }));
  for (const { e, check } of checks) {
    if (
      e.quoteCheck === check.quoteCheck &&
      JSON.stringify(e.quoteCheckDetail) === JSON.stringify(check.quoteCheckDetail)
    )
      continue;
    await tx.evidence.update({
      where: { id: e.id },
      data: { quoteCheck: check.quoteCheck, quoteCheckDetail: check.quoteCheckDetail ?? Prisma.DbNull },
    });
  }
  const best = bestQuoteCheck(checks.map((c) => c.check.quoteCheck));
  const data: Prisma.ClaimUpdateInput = {};
  if (best !== claim.quoteCheck) data.quoteCheck = best;

  if (reason === "evidence") {
    const approved = claim.approvedSnapshot as FrozenContent | null;
    const changes =
      claim.state === "approved" && approved
        ? describeChanges(approved, frozenContent(claim))
        : claim.state === "in_review"
          ? ["The evidence changed while the claim was in review."]
          : [];
    const decision =
      changes.length > 0 ? decide(lifecycleOf(claim), { type: "content_changed", what: "evidence" }, "system") : null;
    if (decision?.ok && decision.state !== claim.state) {
      const detail: StaleDetail = { stateBefore: claim.state as ClaimState, at: new Date().toISOString(), changes };
      data.state = decision.state;
      data.staleDetail = detail;
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "claim.stale",
        entityType: "claim",
        entityId: claim.id,
        before: { state: claim.state },
        after: { state: decision.state, staleDetail: detail },
      });
    }
  }
  if (Object.keys(data).length > 0)
    await tx.claim.update({ where: { id: claim.id }, data: { ...data, version: { increment: 1 } } });
}

/** After a passage fix (speaker, split, merge): every claim citing those passages is settled again. */
export async function settleClaimsCiting(tx: Tx, actor: Actor, passageIds: string[]): Promise<void> {
  const rows = await tx.evidence.findMany({
    where: { passageId: { in: passageIds } },
    select: { claimId: true },
    distinct: ["claimId"],
    orderBy: { claimId: "asc" },
  });
  for (const { claimId } of rows) await settleClaimContent(tx, actor, claimId, "evidence");
}
