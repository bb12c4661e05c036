import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findMentions } from "./mentions";

const users = [
  { id: "1", name: "Ann" },
  { id: "2", name: "Ann Lee" },
  { id: "3", name: "Zoë Ávila" },
];

describe("findMentions", () => {
  it("finds whole names after @, longest first, case and accents aside", () => {
    expect(findMentions("@Ann Lee please check", users).map((u) => u.id)).toEqual(["2"]);
    expect(findMentions("thanks @ann, and @zoe avila.", users).map((u) => u.id)).toEqual(["1", "3"]);
  });
  it("ignores email addresses and partial names", () => {
    expect(findMentions("mail ann@example.test or @Annabel", users)).toEqual([]);
  });
  it("never throws and only returns known users", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (body) => {
        for (const u of findMentions(body, users)) expect(users).toContain(u);
      }),
    );
  });
});
