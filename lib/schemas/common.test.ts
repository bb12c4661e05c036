import { describe, expect, it } from "vitest";
import { INT4_MAX, textProblem, zInt4, zInt4Param, zIsoDate, zIsoDateTime, ZVersionParam } from "./common";
import { ZSearchFilters, ZPassageWindowQuery } from "./sources";
import { ZUpdateArticleRequest } from "./articles";

describe("shared boundaries of what the database can hold (issue 9, defect 4)", () => {
  it("integers stay inside PostgreSQL's int4", () => {
    expect(zInt4().safeParse(INT4_MAX).success).toBe(true);
    expect(zInt4().safeParse(INT4_MAX + 1).success).toBe(false);
    expect(zInt4Param().safeParse("99999999999").success).toBe(false);
    expect(ZVersionParam.safeParse("2147483648").success).toBe(false);
    expect(ZVersionParam.safeParse("3").data).toBe(3);
    expect(ZPassageWindowQuery.safeParse({ from: "99999999999" }).success).toBe(false);
    expect(ZUpdateArticleRequest.safeParse({ version: 2147483648 }).success).toBe(false);
  });

  it("dates stay in the years 1–9999", () => {
    expect(zIsoDate().safeParse("0000-01-01").success).toBe(false);
    expect(zIsoDate().safeParse("0001-01-01").success).toBe(true);
    expect(zIsoDate().safeParse("2008-04-06").success).toBe(true);
    expect(zIsoDateTime("x").safeParse("0000-01-01T00:00:00Z").success).toBe(false);
    expect(zIsoDateTime("x").safeParse("0001-01-01T01:00:00+05:00").success).toBe(false);
    expect(ZSearchFilters.safeParse({ from: "0000-01-01" }).success).toBe(false);
  });

  it("text PostgreSQL cannot store is named, and ordinary text is not", () => {
    expect(textProblem("a\u0000b")).toMatch(/NUL/);
    expect(textProblem("\ud800")).toMatch(/surrogate/);
    expect(textProblem("x\udc00")).toMatch(/surrogate/);
    expect(textProblem("Путин 👨‍👩‍👧 e\u0301 \u202e")).toBeNull();
  });
});
