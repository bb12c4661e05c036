import { describe, expect, it } from "vitest";
import { articleWhereForUser, authorize, can, type Action, type Actor } from "@/lib/auth/policies";
import { AppError } from "@/lib/errors";

const actor = (role: Actor["role"], id = `${role}-1`): Actor => ({ id, role, email: `${role}@x.test`, name: role });
const admin = actor("admin");
const editor = actor("editor");
const reviewer = actor("reviewer");

const editing: Action[] = ["article:create", "article:update", "article:delete", "claim:create", "claim:update", "claim:set-verdict", "evidence:link", "source:import", "source:edit"];

describe("policies, one block per role", () => {
  it("signed out: may do nothing and sees only published articles", () => {
    for (const action of [...editing, "claim:review", "workbench:read", "user:manage", "token:manage"] as Action[]) {
      expect(can(null, action)).toBe(false);
    }
    expect(articleWhereForUser(null)).toEqual({ state: "published" });
    expect(() => authorize(null, "article:create")).toThrow(AppError);
  });

  it("editor: edits articles, claims and sources, but neither reviews nor manages users", () => {
    for (const action of editing) expect(can(editor, action)).toBe(true);
    expect(can(editor, "claim:review")).toBe(false);
    expect(can(editor, "user:manage")).toBe(false);
    expect(articleWhereForUser(editor)).toEqual({});
  });

  it("reviewer: reviews and reads, but cannot change articles, claims or sources", () => {
    for (const action of editing) expect(can(reviewer, action)).toBe(false);
    expect(can(reviewer, "claim:review", { verdictById: editor.id, createdById: editor.id })).toBe(true);
    expect(can(reviewer, "workbench:read")).toBe(true);
    expect(can(reviewer, "user:manage")).toBe(false);
  });

  it("admin: may do everything, but not approve a verdict they set", () => {
    for (const action of [...editing, "user:manage", "claim:review"] as Action[]) expect(can(admin, action)).toBe(true);
    const ownVerdict = { verdictById: admin.id, createdById: editor.id };
    expect(can(admin, "claim:review", ownVerdict)).toBe(false);
    expect(() => authorize(admin, "claim:review", ownVerdict)).toThrow(/someone else has to review/);
  });

  it("nobody reviews their own verdict, whatever the role", () => {
    const reviewerVerdict = { verdictById: reviewer.id, createdById: editor.id };
    expect(can(reviewer, "claim:review", reviewerVerdict)).toBe(false);
    expect(can(actor("reviewer", "someone-else"), "claim:review", reviewerVerdict)).toBe(true);
  });
});
