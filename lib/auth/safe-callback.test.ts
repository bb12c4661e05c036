import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

describe("safeCallbackPath", () => {
  it("keeps paths on this site", () => {
    expect(safeCallbackPath("/articles/abc?x=1#p-2")).toBe("/articles/abc?x=1#p-2");
    expect(safeCallbackPath(["/sources", "/other"])).toBe("/sources");
  });

  it("refuses anything a browser could read as another origin", () => {
    for (const bad of [
      "//evil.com",
      "/\\evil.com",
      "/\t/evil.com",
      "/\n/evil.com",
      "https://evil.com",
      "javascript:alert(1)",
      "evil.com",
      "",
      undefined,
    ]) {
      expect(safeCallbackPath(bad)).toBe("/articles");
    }
  });
});
