import "server-only";
import type { PathItem } from "@/lib/openapi/document";

/** Sources, passages and search: filled in with the sources API. */
export function sourcePaths(): Record<string, PathItem> {
  return {};
}
