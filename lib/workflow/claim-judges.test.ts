import { describe, expect, it } from "vitest";
import { withJudge } from "@/lib/workflow/claim-lifecycle";

describe("withJudge", () => {
  it("adds a judge once, keeps the order, and reads a missing list as empty", () => {
    expect(withJudge(null, "a")).toEqual(["a"]);
    expect(withJudge(["a"], "b")).toEqual(["a", "b"]);
    const ids = ["a", "b"];
    expect(withJudge(ids, "a")).toEqual(["a", "b"]);
    expect(withJudge(ids, "a")).not.toBe(ids);
  });
});
