// Who may do what, in one place (Outline's server/policies). Services call `authorize` before
// writing and read rows only through the `...WhereForUser` builders, so a row a user may not
// see is simply not found. A disabled account never becomes an Actor (see lib/auth/session.ts).
import type { Prisma, Role } from "@/lib/generated/prisma/client";
import { forbidden } from "@/lib/errors";

export type Actor = { id: string; role: Role; email: string; name: string };

export type Action =
  | "article:create"
  | "article:update"
  | "article:delete"
  | "article:submit"
  | "article:publish"
  | "claim:create"
  | "claim:update"
  | "claim:delete"
  | "claim:set-verdict"
  | "claim:submit"
  | "claim:review"
  | "review:read"
  | "evidence:link"
  | "verdict:manage"
  | "source:import"
  | "source:edit"
  | "comment:create"
  | "workbench:read"
  | "user:manage"
  | "token:manage"
  | "claim:leave-out";

const EDITING: Action[] = [
  "article:create",
  "article:update",
  "article:delete",
  "article:submit",
  "article:publish",
  "claim:leave-out",
  "claim:create",
  "claim:update",
  "claim:delete",
  "claim:set-verdict",
  "claim:submit",
  "evidence:link",
  "source:import",
  "source:edit",
];

const ALLOWED: Record<Role, ReadonlySet<Action>> = {
  admin: new Set<Action>([
    ...EDITING,
    "claim:review",
    "review:read",
    "verdict:manage",
    "comment:create",
    "workbench:read",
    "user:manage",
    "token:manage",
  ]),
  editor: new Set<Action>([...EDITING, "review:read", "comment:create", "workbench:read", "token:manage"]),
  reviewer: new Set<Action>(["claim:review", "review:read", "comment:create", "workbench:read", "token:manage"]),
};

/**
 * A claim as far as the review rule needs it: who judged it last, everyone who set its verdict,
 * wrote its rationale or confirmed them since its last approval, and who linked its evidence.
 */
export type ReviewableClaim = {
  verdictById: string | null;
  judgedByIds: readonly string[];
  evidenceCreatorIds: readonly string[];
};

/** Actions whose answer does not depend on a particular claim. */
export type SimpleAction = Exclude<Action, "claim:review">;

/** Why this actor may not review this claim, or null when they may. */
export function reviewRefusal(actor: Actor | null, claim: ReviewableClaim): string | null {
  if (!actor || !ALLOWED[actor.role].has("claim:review")) return "Your role does not review claims.";
  // Nobody approves their own work: the second pair of eyes is the point of review.
  if (claim.verdictById === actor.id) return "You set this verdict, so someone else has to review it.";
  if (claim.judgedByIds.includes(actor.id))
    return "You set this verdict, wrote its rationale or changed its evidence since it was last approved, so someone else has to review it.";
  if (claim.evidenceCreatorIds.includes(actor.id))
    return "You linked evidence to this claim, so someone else has to review it.";
  return null;
}

// "claim:review" takes the claim, so self-review cannot slip through by leaving it out.
export function can(actor: Actor | null, action: SimpleAction): boolean;
export function can(actor: Actor | null, action: "claim:review", claim: ReviewableClaim): boolean;
export function can(actor: Actor | null, action: Action, claim?: ReviewableClaim): boolean {
  if (!actor) return false;
  if (action === "claim:review") return claim !== undefined && reviewRefusal(actor, claim) === null;
  return ALLOWED[actor.role].has(action);
}

export function authorize(actor: Actor | null, action: SimpleAction): asserts actor is Actor;
export function authorize(actor: Actor | null, action: "claim:review", claim: ReviewableClaim): asserts actor is Actor;
export function authorize(actor: Actor | null, action: Action, claim?: ReviewableClaim): asserts actor is Actor {
  if (action === "claim:review") {
    const refusal = claim ? reviewRefusal(actor, claim) : "A review needs the claim it reviews.";
    if (refusal) throw forbidden(refusal);
    return;
  }
  if (!can(actor, action)) throw forbidden();
}

// Live rows are newsroom work: a published article's row may already hold edits, claims and
// evidence nobody approved since. Readers read snapshots only (publishedSnapshotWhere), so for
// anyone outside the newsroom these builders match nothing.
const NOTHING = { id: { in: [] as string[] } };

/** The newsroom sees every article; signed-out readers see none of the live rows. */
export function articleWhereForUser(actor: Actor | null): Prisma.ArticleWhereInput {
  if (actor && can(actor, "workbench:read")) return {};
  return NOTHING;
}

export function claimWhereForUser(actor: Actor | null): Prisma.ClaimWhereInput {
  if (actor && can(actor, "workbench:read")) return {};
  return NOTHING;
}

/** Sources are newsroom material; readers see what a published snapshot copied of them. */
export function sourceWhereForUser(actor: Actor | null): Prisma.SourceDocumentWhereInput {
  if (actor && can(actor, "workbench:read")) return {};
  return NOTHING;
}

/**
 * Readers read snapshots only, and only the newest snapshot of an article that is published
 * now: an unpublished article's snapshots stay in the table (they are history) but not on the web.
 */
export function publishedSnapshotWhere(): Prisma.ArticleSnapshotWhereInput {
  return { article: { state: "published" } };
}
