import { describe, expect, it } from "vitest";
import { isPublishable, publishBlockers, type BlockerClaim } from "@/lib/services/publishing/blockers";

const claim = (overrides: Partial<BlockerClaim>): BlockerClaim => ({
  id: "c",
  exact: "It is just a junta with nuclear weapons.",
  state: "approved",
  anchorStatus: "anchored",
  leftOut: false,
  verdictKey: "accurate",
  ...overrides,
});

describe("publish blockers", () => {
  it("lets approved and left-out claims through, and nothing else", () => {
    const claims = [
      claim({ id: "approved" }),
      claim({ id: "left-out draft", state: "draft", leftOut: true }),
      claim({ id: "left-out orphan", anchorStatus: "orphaned", leftOut: true }),
      claim({ id: "draft", state: "draft" }),
      claim({ id: "in review", state: "in_review" }),
      claim({ id: "stale", state: "stale" }),
      claim({ id: "rejected", state: "rejected" }),
      claim({ id: "approved orphan", anchorStatus: "orphaned" }),
    ];
    expect(publishBlockers(claims).map((b) => b.claimId)).toEqual([
      "draft",
      "in review",
      "stale",
      "rejected",
      "approved orphan",
    ]);
    expect(claims.filter(isPublishable).map((c) => c.id)).toEqual(["approved"]);
  });

  it("says in one sentence what to do about each, shortening long words", () => {
    const [stale, orphan] = publishBlockers([
      claim({ state: "stale", exact: "x".repeat(200) }),
      claim({ anchorStatus: "orphaned" }),
    ]);
    expect(stale!.reason).toMatch(
      /^“x{77}…” changed after it was checked and needs checking again: get it approved or leave it out\.$/,
    );
    expect(orphan!.reason).toBe(
      "“It is just a junta with nuclear weapons.” is no longer in the text: delete it or leave it out.",
    );
  });
});
