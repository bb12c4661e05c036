import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policies";
import {
  CLAIM_STATES,
  decide,
  isJudged,
  type ClaimState,
  type LifecycleClaim,
  type LifecycleEvent,
  type VerdictRule,
} from "@/lib/workflow/claim-lifecycle";

const person = (role: Actor["role"], id: string): Actor => ({ id, role, email: `${id}@x.test`, name: id });
const editor = person("editor", "editor-1");
const otherEditor = person("editor", "editor-2");
const reviewer = person("reviewer", "reviewer-1");
const admin = person("admin", "admin-1");

const ACCURATE: VerdictRule = { key: "accurate", label: "Accurate", requiresRationale: false, archived: false };
const FALSE: VerdictRule = { key: "false", label: "False", requiresRationale: true, archived: false };
const UNSUPPORTED: VerdictRule = { key: "unsupported", label: "Unsupported", requiresRationale: true, archived: false };

const claim = (over: Partial<LifecycleClaim> = {}): LifecycleClaim => ({
  kind: "quote",
  state: "draft",
  anchored: true,
  verdict: ACCURATE,
  rationale: "",
  verdictById: editor.id,
  judgedByIds: [editor.id],
  evidenceCount: 1,
  evidenceCreatorIds: [editor.id],
  ...over,
});

const approve: LifecycleEvent = { type: "review", decision: "approve", comment: "" };

describe("claim lifecycle: every allowed transition", () => {
  const allowed: [string, ClaimState, LifecycleEvent, Actor | "system", ClaimState][] = [
    ["submit a draft", "draft", { type: "submit" }, editor, "in_review"],
    ["resubmit after changes were requested", "changes_requested", { type: "submit" }, editor, "in_review"],
    ["another editor submits", "draft", { type: "submit" }, otherEditor, "in_review"],
    ["approve", "in_review", approve, reviewer, "approved"],
    [
      "request changes",
      "in_review",
      { type: "review", decision: "request_changes", comment: "Link the primary." },
      reviewer,
      "changes_requested",
    ],
    ["reject", "in_review", { type: "review", decision: "reject", comment: "Not a claim." }, reviewer, "rejected"],
    ["an admin who did not judge it approves", "in_review", approve, admin, "approved"],
    ["confirm a stale claim still holds", "stale", { type: "confirm" }, editor, "in_review"],
    ["content changed after approval", "approved", { type: "content_changed", what: "words" }, "system", "stale"],
    ["content changed in review", "in_review", { type: "content_changed", what: "words" }, "system", "stale"],
    [
      "content changed after a request",
      "changes_requested",
      { type: "content_changed", what: "words" },
      "system",
      "stale",
    ],
    ["content changed after rejection", "rejected", { type: "content_changed", what: "words" }, "system", "stale"],
    ["content restored by undo", "stale", { type: "content_restored", stateBefore: "approved" }, "system", "approved"],
  ];
  for (const [name, from, event, actor, expected] of allowed) {
    it(`${name}: ${from} → ${expected}`, () => {
      expect(decide(claim({ state: from }), event, actor)).toEqual({ ok: true, state: expected });
    });
  }

  it("a new verdict makes any claim a draft again, stale included", () => {
    for (const state of CLAIM_STATES) {
      expect(
        decide(claim({ state }), { type: "set_verdict", verdict: FALSE, rationale: "WION differs." }, editor),
      ).toEqual({ ok: true, state: "draft" });
    }
  });

  it("editing kind or speaker sends a judged claim back to draft, but keeps stale and changes-requested", () => {
    expect(decide(claim({ state: "approved" }), { type: "edit" }, editor)).toEqual({ ok: true, state: "draft" });
    expect(decide(claim({ state: "in_review" }), { type: "edit" }, editor)).toEqual({ ok: true, state: "draft" });
    expect(decide(claim({ state: "stale" }), { type: "edit" }, editor)).toEqual({ ok: true, state: "stale" });
    expect(decide(claim({ state: "changes_requested" }), { type: "edit" }, editor)).toEqual({
      ok: true,
      state: "changes_requested",
    });
  });

  it("a change to an unjudged draft's words changes nothing of its state", () => {
    const fresh = claim({ verdict: null, verdictById: null });
    expect(isJudged(fresh)).toBe(false);
    expect(decide(fresh, { type: "content_changed", what: "words" }, "system")).toEqual({ ok: true, state: "draft" });
    expect(decide(claim(), { type: "content_changed", what: "words" }, "system")).toEqual({ ok: true, state: "stale" });
  });

  it("evidence changes make only a claim in review or approved stale: before that it is work in progress", () => {
    const evidence: LifecycleEvent = { type: "content_changed", what: "evidence" };
    expect(decide(claim({ state: "approved" }), evidence, "system")).toEqual({ ok: true, state: "stale" });
    expect(decide(claim({ state: "in_review" }), evidence, "system")).toEqual({ ok: true, state: "stale" });
    for (const state of ["draft", "changes_requested", "rejected", "stale"] as const)
      expect(decide(claim({ state }), evidence, "system")).toEqual({ ok: true, state });
  });

  it("unsupported and not-checkable verdicts need no evidence", () => {
    expect(
      decide(
        claim({ verdict: UNSUPPORTED, rationale: "Nothing found.", evidenceCount: 0 }),
        { type: "submit" },
        editor,
      ),
    ).toEqual({ ok: true, state: "in_review" });
  });
});

describe("claim lifecycle: every refused transition says why", () => {
  const refused: [string, LifecycleClaim, LifecycleEvent, Actor | "system", string, RegExp][] = [
    [
      "a reviewer cannot set a verdict",
      claim(),
      { type: "set_verdict", verdict: ACCURATE, rationale: "" },
      reviewer,
      "forbidden",
      /role/,
    ],
    ["a reviewer cannot submit", claim(), { type: "submit" }, reviewer, "forbidden", /role/],
    ["a reviewer cannot edit", claim(), { type: "edit" }, reviewer, "forbidden", /role/],
    ["a reviewer cannot confirm", claim({ state: "stale" }), { type: "confirm" }, reviewer, "forbidden", /role/],
    [
      "an editor cannot review",
      claim({ state: "in_review", verdictById: otherEditor.id, evidenceCreatorIds: [] }),
      approve,
      editor,
      "forbidden",
      /role does not review/,
    ],
    [
      "nobody approves their own verdict",
      claim({ state: "in_review", verdictById: admin.id }),
      approve,
      admin,
      "forbidden",
      /You set this verdict/,
    ],
    [
      "nobody approves evidence they linked",
      claim({ state: "in_review", evidenceCreatorIds: [admin.id] }),
      approve,
      admin,
      "forbidden",
      /You linked evidence/,
    ],
    [
      "self-review refused for request changes too",
      claim({ state: "in_review", verdictById: reviewer.id }),
      { type: "review", decision: "request_changes", comment: "x" },
      reviewer,
      "forbidden",
      /You set this verdict/,
    ],
    ["the system cannot review", claim({ state: "in_review" }), approve, "system", "forbidden", /person/],
    [
      "request changes needs a comment",
      claim({ state: "in_review" }),
      { type: "review", decision: "request_changes", comment: "  " },
      reviewer,
      "invalid_input",
      /comment is required/,
    ],
    [
      "reject needs a comment",
      claim({ state: "in_review" }),
      { type: "review", decision: "reject", comment: "" },
      reviewer,
      "invalid_input",
      /comment is required/,
    ],
    ["a draft cannot be approved", claim({ state: "draft" }), approve, reviewer, "conflict", /not in review/],
    [
      "an approved claim cannot be approved again",
      claim({ state: "approved" }),
      approve,
      reviewer,
      "conflict",
      /not in review/,
    ],
    ["a stale claim cannot be approved", claim({ state: "stale" }), approve, reviewer, "conflict", /not in review/],
    [
      "an orphaned claim cannot be approved",
      claim({ state: "in_review", anchored: false }),
      approve,
      reviewer,
      "conflict",
      /no longer in the article/,
    ],
    [
      "submit needs a verdict",
      claim({ verdict: null, verdictById: null }),
      { type: "submit" },
      editor,
      "invalid_input",
      /Set a verdict/,
    ],
    [
      "submit needs a rationale when the verdict does",
      claim({ verdict: FALSE, rationale: "" }),
      { type: "submit" },
      editor,
      "invalid_input",
      /rationale/,
    ],
    [
      "submit needs evidence",
      claim({ evidenceCount: 0 }),
      { type: "submit" },
      editor,
      "invalid_input",
      /Link the evidence/,
    ],
    [
      "an orphaned claim cannot be submitted",
      claim({ anchored: false }),
      { type: "submit" },
      editor,
      "conflict",
      /no longer in the article/,
    ],
    [
      "in review cannot be submitted again",
      claim({ state: "in_review" }),
      { type: "submit" },
      editor,
      "conflict",
      /in review/,
    ],
    ["approved cannot be submitted", claim({ state: "approved" }), { type: "submit" }, editor, "conflict", /approved/],
    [
      "stale is re-checked, not submitted",
      claim({ state: "stale" }),
      { type: "submit" },
      editor,
      "conflict",
      /confirm/,
    ],
    [
      "only stale claims are confirmed",
      claim({ state: "draft" }),
      { type: "confirm" },
      editor,
      "conflict",
      /Only a stale claim/,
    ],
    [
      "accurate is blocked by disagreeing secondary sources",
      claim(),
      { type: "set_verdict", verdict: ACCURATE, rationale: "", accurateBlockedReason: "A primary source is needed." },
      editor,
      "invalid_input",
      /primary source/,
    ],
    [
      "…and on submit",
      claim(),
      { type: "submit", accurateBlockedReason: "A primary source is needed." },
      editor,
      "invalid_input",
      /primary source/,
    ],
    [
      "a rationale is required with the verdict",
      claim(),
      { type: "set_verdict", verdict: FALSE, rationale: " " },
      editor,
      "invalid_input",
      /rationale/,
    ],
    [
      "an archived verdict is refused",
      claim(),
      { type: "set_verdict", verdict: { ...FALSE, archived: true }, rationale: "x" },
      editor,
      "invalid_input",
      /no longer offered/,
    ],
  ];
  for (const [name, subject, event, actor, code, message] of refused) {
    it(name, () => {
      const result = decide(subject, event, actor);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.code).toBe(code);
        expect(result.message).toMatch(message);
      }
    });
  }
});
