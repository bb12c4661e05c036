import { describe, expect, it } from "vitest";
import { articleWhereForUser, authorize, can, reviewRefusal, type Actor, type SimpleAction } from "@/lib/auth/policies";
import { AppError } from "@/lib/errors";

const actor = (role: Actor["role"], id = `${role}-1`): Actor => ({ id, role, email: `${role}@x.test`, name: role });
const admin = actor("admin");
const editor = actor("editor");
const reviewer = actor("reviewer");

const editing: SimpleAction[] = [
  "article:create",
  "article:update",
  "article:delete",
  "claim:create",
  "claim:update",
  "claim:set-verdict",
  "claim:submit",
  "evidence:link",
  "source:import",
  "source:edit",
];
const judged = (verdictById: string | null, evidenceCreatorIds: string[] = [], judgedByIds: string[] = []) => ({
  verdictById,
  judgedByIds: verdictById ? [...new Set([verdictById, ...judgedByIds])] : judgedByIds,
  evidenceCreatorIds,
});

describe("policies, one block per role", () => {
  it("signed out: may do nothing and sees no live rows (readers read published snapshots)", () => {
    for (const action of [
      ...editing,
      "workbench:read",
      "review:read",
      "verdict:manage",
      "user:manage",
      "token:manage",
    ] as SimpleAction[]) {
      expect(can(null, action)).toBe(false);
    }
    expect(can(null, "claim:review", judged("someone"))).toBe(false);
    expect(() => authorize(null, "claim:review", judged("someone"))).toThrow(AppError);
    expect(articleWhereForUser(null)).toEqual({ id: { in: [] } });
    expect(() => authorize(null, "article:create")).toThrow(AppError);
  });

  it("editor: edits articles, claims and sources, but neither reviews nor manages users", () => {
    for (const action of editing) expect(can(editor, action)).toBe(true);
    expect(can(editor, "claim:review", judged("another-editor"))).toBe(false);
    expect(reviewRefusal(editor, judged("another-editor"))).toMatch(/role does not review/);
    expect(can(editor, "user:manage")).toBe(false);
    expect(can(editor, "verdict:manage")).toBe(false);
    expect(can(editor, "review:read")).toBe(true);
    expect(articleWhereForUser(editor)).toEqual({});
  });

  it("reviewer: reviews and reads, but cannot change articles, claims or sources", () => {
    for (const action of editing) expect(can(reviewer, action)).toBe(false);
    expect(can(reviewer, "claim:review", judged(editor.id, [editor.id]))).toBe(true);
    expect(can(reviewer, "workbench:read")).toBe(true);
    expect(can(reviewer, "user:manage")).toBe(false);
  });

  it("admin: may do everything, but not approve a verdict they set", () => {
    for (const action of [...editing, "user:manage", "verdict:manage"] as SimpleAction[])
      expect(can(admin, action)).toBe(true);
    expect(can(admin, "claim:review", judged(editor.id))).toBe(true);
    const ownVerdict = judged(admin.id);
    expect(can(admin, "claim:review", ownVerdict)).toBe(false);
    expect(() => authorize(admin, "claim:review", ownVerdict)).toThrow(/someone else has to review/);
  });

  it("nobody reviews their own verdict, whatever the role", () => {
    const reviewerVerdict = judged(reviewer.id);
    expect(can(reviewer, "claim:review", reviewerVerdict)).toBe(false);
    expect(can(actor("reviewer", "someone-else"), "claim:review", reviewerVerdict)).toBe(true);
  });

  it("nobody approves a verdict they had a hand in since its last approval, though someone else judged it last", () => {
    // The admin chose the verdict; an editor then reworded the rationale and is its last judge.
    const reworded = judged(editor.id, [], [admin.id]);
    expect(reviewRefusal(admin, reworded)).toMatch(/You set this verdict, wrote its rationale or changed its evidence/);
    expect(() => authorize(admin, "claim:review", reworded)).toThrow(/someone else has to review/);
    expect(can(actor("admin", "another-admin"), "claim:review", reworded)).toBe(true);
  });

  it("nobody approves a claim whose evidence they linked", () => {
    const linkedByAdmin = judged(editor.id, [editor.id, admin.id]);
    expect(can(admin, "claim:review", linkedByAdmin)).toBe(false);
    expect(() => authorize(admin, "claim:review", linkedByAdmin)).toThrow(/linked evidence/);
    expect(can(reviewer, "claim:review", linkedByAdmin)).toBe(true);
  });
});
