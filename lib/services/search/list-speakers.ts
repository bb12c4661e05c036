import "server-only";
import { authorize, type Actor } from "@/lib/auth/policies";
import { listSpeakers as listSpeakerRows } from "@/lib/services/search/search-db";

/** Everyone who speaks in some passage, for the speaker filter. */
export async function listSpeakers({ actor }: { actor: Actor | null }): Promise<string[]> {
  authorize(actor, "workbench:read");
  return listSpeakerRows();
}
