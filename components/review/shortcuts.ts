// Single-key shortcuts of the review pages (j, k, a, r): they never fire while someone types in
// a field or holds a modifier, so a reviewer writing "a" in a comment does not approve anything.

const TYPING = new Set(["INPUT", "TEXTAREA", "SELECT"]);

export type ShortcutTarget = { tagName?: string; isContentEditable?: boolean; type?: string } | null;

export function isTypingTarget(target: ShortcutTarget): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  if (!target.tagName || !TYPING.has(target.tagName.toUpperCase())) return false;
  // Checkboxes and radios take no text: a shortcut pressed on one still means the shortcut.
  return !(
    target.tagName.toUpperCase() === "INPUT" && ["checkbox", "radio", "button", "submit"].includes(target.type ?? "")
  );
}

export type ShortcutEvent = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: ShortcutTarget;
};

/** The review action a key press asks for, or null when it is not a shortcut here. */
export function reviewShortcut(
  event: ShortcutEvent,
  arrows: boolean,
): "next" | "previous" | "approve" | "request_changes" | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return null;
  switch (event.key) {
    case "j":
      return "next";
    case "k":
      return "previous";
    case "ArrowDown":
      return arrows ? "next" : null;
    case "ArrowUp":
      return arrows ? "previous" : null;
    case "a":
      return "approve";
    case "r":
      return "request_changes";
    default:
      return null;
  }
}
