import { describe, expect, it } from "vitest";
import { INT4_MAX, textProblem, zInt4, zInt4Param, zIsoDate, zIsoDateTime, ZVersionParam } from "./common";
import {
  SEARCH_PAGE_SIZE,
  ZPassageWindowQuery,
  ZSearchFilters,
  ZSearchRequest,
  ZSuggestPassagesRequest,
} from "./sources";
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

describe("page and count parameters say what is wrong in words", () => {
  const message = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;
  it("names the page, the page size and the number of passages, and their bounds", () => {
    expect(message(ZSearchRequest.safeParse({ q: "good", page: "0" }))).toBe("Pages are numbered from 1.");
    expect(message(ZSearchRequest.safeParse({ q: "good", page: "two" }))).toBe("Use a whole number for the page.");
    expect(message(ZSearchRequest.safeParse({ q: "good", page: "1.5" }))).toBe("Use a whole number for the page.");
    expect(message(ZSearchRequest.safeParse({ q: "good", page: "501" }))).toMatch(/up to 500/);
    // Past int4 too: the bound in words speaks, not a general one.
    expect(message(ZSearchRequest.safeParse({ q: "good", page: "3000000000" }))).toMatch(/up to 500/);
    expect(message(ZSearchRequest.safeParse({ q: "good", page: "-3000000000" }))).toBe("Pages are numbered from 1.");
    expect(message(ZSearchRequest.safeParse({ q: "good", pageSize: "51" }))).toBe("Show at most 50 results per page.");
    expect(message(ZSearchRequest.safeParse({ q: "good", pageSize: "-1" }))).toBe("Show at least 1 result per page.");
    expect(message(ZSuggestPassagesRequest.safeParse({ text: "a claim", limit: "21" }))).toBe(
      "Ask for at most 20 passages.",
    );
    expect(message(ZPassageWindowQuery.safeParse({ size: "0" }))).toBe("Ask for at least 1 passage.");
  });

  it("keeps the defaults and reads numbers sent as text", () => {
    expect(ZSearchRequest.parse({ q: "good" })).toMatchObject({ page: 1 });
    expect(ZSearchRequest.parse({ q: "good", page: "", pageSize: "" })).toMatchObject({
      page: 1,
      pageSize: SEARCH_PAGE_SIZE,
    });
    expect(ZSearchRequest.parse({ q: "good", page: "3", pageSize: "10" })).toMatchObject({ page: 3, pageSize: 10 });
    expect(ZSuggestPassagesRequest.parse({ text: "a claim" }).limit).toBe(5);
  });
});
