import { describe, expect, it } from "vitest";
import { isTypingTarget, reviewShortcut } from "@/components/review/shortcuts";

const press = (
  key: string,
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null = { tagName: "BODY" },
  mods = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
});

describe("review shortcuts", () => {
  it("maps j, k, a and r, and the arrows only where they are on", () => {
    expect(reviewShortcut(press("j"), false)).toBe("next");
    expect(reviewShortcut(press("k"), false)).toBe("previous");
    expect(reviewShortcut(press("a"), false)).toBe("approve");
    expect(reviewShortcut(press("r"), false)).toBe("request_changes");
    expect(reviewShortcut(press("ArrowDown"), false)).toBeNull();
    expect(reviewShortcut(press("ArrowDown"), true)).toBe("next");
    expect(reviewShortcut(press("ArrowUp"), true)).toBe("previous");
    expect(reviewShortcut(press("x"), true)).toBeNull();
  });

  it("never fires inside text fields or with a modifier", () => {
    for (const target of [
      { tagName: "TEXTAREA" },
      { tagName: "input", type: "text" },
      { tagName: "SELECT" },
      { tagName: "DIV", isContentEditable: true },
    ]) {
      expect(reviewShortcut(press("a", target), true)).toBeNull();
    }
    expect(reviewShortcut(press("a", { tagName: "BODY" }, { ctrlKey: true }), true)).toBeNull();
    expect(reviewShortcut(press("a", { tagName: "BODY" }, { metaKey: true }), true)).toBeNull();
  });

  it("still fires on buttons, links and checkboxes", () => {
    expect(isTypingTarget({ tagName: "BUTTON" })).toBe(false);
    expect(isTypingTarget({ tagName: "A" })).toBe(false);
    expect(isTypingTarget({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(reviewShortcut(press("a", { tagName: "A" }), false)).toBe("approve");
  });
});
