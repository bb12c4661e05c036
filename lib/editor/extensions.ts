import { getSchema, type AnyExtension } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { ClaimMark } from "@/lib/editor/claim-mark";

export const ALLOWED_LINK_PROTOCOLS = ["http", "https", "mailto"] as const;

export function isSafeHref(href: unknown): boolean {
  if (typeof href !== "string") return false;
  try {
    const url = new URL(href, "https://relative.invalid/");
    return ["http:", "https:", "mailto:"].includes(url.protocol);
  } catch {
    return false;
  }
}

/** What every link is stored and rendered with: the tab-nabbing-safe rel wherever a target may be set. */
export const LINK_REL = "noopener noreferrer nofollow";

/** A link's attributes as we store them: href and title as sent, a new-tab target or none, our rel, no class. */
export function safeLinkAttrs(attrs: unknown): Record<string, string | null> {
  const given = (typeof attrs === "object" && attrs !== null ? attrs : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return {
    href: text(given.href),
    target: given.target === "_blank" ? "_blank" : null,
    rel: LINK_REL,
    class: null,
    title: text(given.title),
  };
}

/** The one list of extensions: the browser editor, server validation and reader HTML all use it. */
export function articleExtensions(options: { undoRedo?: boolean } = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      codeBlock: false,
      code: false,
      horizontalRule: false,
      undoRedo: options.undoRedo ? {} : false,
      link: {
        openOnClick: false,
        autolink: false,
        protocols: [...ALLOWED_LINK_PROTOCOLS],
        isAllowedUri: (url) => isSafeHref(url),
        HTMLAttributes: { rel: LINK_REL, target: null },
      },
    }),
    ClaimMark,
  ];
}

let cachedSchema: ReturnType<typeof getSchema> | undefined;
export function articleSchema() {
  cachedSchema ??= getSchema(articleExtensions());
  return cachedSchema;
}
