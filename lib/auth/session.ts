import "server-only";
import { createHash } from "node:crypto";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import type { Actor } from "@/lib/auth/policies";
import { AppError } from "@/lib/errors";
import { setRequestUser } from "@/lib/observability/request-context";

export const API_TOKEN_PREFIX = "smk_";

async function loadActor(where: { id: string }): Promise<Actor | null> {
  const user = await prisma.user.findUnique({
    where,
    select: { id: true, role: true, email: true, name: true, disabled: true },
  });
  if (!user || user.disabled) return null;
  setRequestUser(user.id);
  return { id: user.id, role: user.role, email: user.email, name: user.name };
}

/** The signed-in user of this request, read fresh from the database; null when signed out or disabled. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  return id ? loadActor({ id }) : null;
});

/** For pages: the actor, or a redirect to sign-in that comes back here. */
export async function requireActor(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}

export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** For /api/v1: a Bearer personal API token, or else the session cookie. */
export async function getRequestActor(request: Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  // Only a request without the header falls back to the session; an empty one is a malformed token.
  if (header === null) return getActor();
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]?.startsWith(API_TOKEN_PREFIX)) {
    throw new AppError("unauthenticated", "The Authorization header must be `Bearer smk_…` with a personal API token.");
  }
  const token = await prisma.apiToken.findUnique({ where: { tokenHash: hashApiToken(match[1]) } });
  if (!token || token.revokedAt) throw new AppError("unauthenticated", "That API token is unknown or was revoked.");
  await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  return loadActor({ id: token.userId });
}
