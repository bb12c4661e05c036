import { describe, expect, it } from "vitest";
import { routeLabeler } from "./serve-routes.ts";

describe("routeLabeler", () => {
  const label = routeLabeler({
    staticRoutes: [{ page: "/" }, { page: "/api/health" }, { page: "/articles" }],
    dynamicRoutes: [
      { page: "/api/v1/articles/[id]", regex: "^/api/v1/articles/([^/]+?)(?:/)?$" },
      { page: "/read/[id]", regex: "^/read/([^/]+?)(?:/)?$" },
    ],
  });

  it("labels by route pattern, so ids never become labels", () => {
    expect(label("/")).toBe("/");
    expect(label("/api/health")).toBe("/api/health");
    expect(label("/articles/")).toBe("/articles");
    expect(label("/api/v1/articles/cm123abc")).toBe("/api/v1/articles/[id]");
    expect(label("/read/another-id")).toBe("/read/[id]");
    expect(label("/_next/static/chunks/app.js")).toBe("/_next/static");
    expect(label("/no/such/page/123")).toBe("unmatched");
  });
});
