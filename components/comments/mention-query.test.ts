import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { insertMention, mentionAt, rankNames } from "@/components/comments/mention-query";

describe("mentionAt", () => {
  it("finds the name being typed after an @ that starts a word", () => {
    expect(mentionAt("Please check @Rh", 16)).toEqual({ start: 13, query: "Rh" });
    expect(mentionAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionAt("cc @Rhys Re", 11)).toEqual({ start: 3, query: "Rhys Re" });
  });

  it("ignores email addresses, finished lines and text far from the @", () => {
    expect(mentionAt("mail editor@sourcemark.test", 27)).toBeNull();
    expect(mentionAt("@Rhys\nnext line", 15)).toBeNull();
    expect(mentionAt("@ Rhys", 6)).toBeNull();
    expect(mentionAt(`@${"x".repeat(41)}`, 42)).toBeNull();
  });

  it("reads only up to the caret", () => {
    expect(mentionAt("@Rhys Reviewer and more", 5)).toEqual({ start: 0, query: "Rhys" });
  });
});

describe("insertMention", () => {
  it("puts the whole name and one space where the fragment was", () => {
    const text = "Please check @Rh the wording";
    const result = insertMention(text, { start: 13, query: "Rh" }, 16, "Rhys Reviewer");
    expect(result.text).toBe("Please check @Rhys Reviewer the wording");
    expect(result.text.slice(0, result.caret)).toBe("Please check @Rhys Reviewer ");
  });

  it("keeps the text around it intact for any text", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string({ minLength: 1 }), (before, after, name) => {
        const text = `${before} @x${after}`;
        const caret = before.length + 3;
        const result = insertMention(text, { start: before.length + 1, query: "x" }, caret, name);
        expect(result.text.startsWith(`${before} @${name} `)).toBe(true);
        expect(result.text.endsWith(after.replace(/^ /, ""))).toBe(true);
      }),
    );
  });
});

it("rankNames offers names that start with the query first", () => {
  const users = [{ name: "Ada Admin" }, { name: "Rhys Reviewer" }, { name: "Edith Editor" }];
  expect(rankNames(users, "r").map((u) => u.name)).toEqual(["Rhys Reviewer", "Edith Editor"]);
  expect(rankNames(users, "").length).toBe(3);
});
