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
        HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
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
