import "server-only";
import { getRequestActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/policies";
import { AppError } from "@/lib/errors";

/** /api/v1 answers 401 to anyone not signed in: even published data has its public pages. */
export async function requireApiActor(request: Request): Promise<Actor> {
  const actor = await getRequestActor(request);
  if (!actor)
    throw new AppError("unauthenticated", "Sign in, or send a personal API token as `Authorization: Bearer smk_…`.");
  return actor;
}
