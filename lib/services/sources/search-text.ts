import "server-only";
import { normaliseText } from "@/lib/text/normalise";

/** What the trigram and full-text indexes see: typographic noise and case folded away. */
export function searchTextFor(text: string): string {
  return normaliseText(text);
}
