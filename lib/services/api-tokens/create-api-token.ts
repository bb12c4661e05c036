import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policies";
import { API_TOKEN_PREFIX, hashApiToken } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { ZCreateApiTokenRequest, type TCreateApiTokenRequest } from "@/lib/schemas/api-tokens";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { presentApiToken, type ApiTokenView } from "@/lib/services/api-tokens/present-api-token";

/** A person may hold this many live tokens: enough for every script, few enough to review. */
export const MAX_LIVE_TOKENS = 20;

/** Returns the token once; only its sha256 is stored, so it can never be shown again. */
export async function createApiToken({
  actor,
  input,
}: {
  actor: Actor | null;
  input: TCreateApiTokenRequest;
}): Promise<{ token: string; view: ApiTokenView }> {
  authorize(actor, "token:manage");
  const data = ZCreateApiTokenRequest.parse(input);
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return prisma.$transaction(async (tx) => {
    const live = await tx.apiToken.count({ where: { userId: actor.id, revokedAt: null } });
    if (live >= MAX_LIVE_TOKENS)
      throw new AppError(
        "conflict",
        `You already have ${MAX_LIVE_TOKENS} live tokens; revoke one you no longer use first.`,
      );
    const row = await tx.apiToken.create({
      data: { userId: actor.id, name: data.name, tokenHash: hashApiToken(token), prefix: token.slice(0, 10) },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "api_token.create",
      entityType: "api_token",
      entityId: row.id,
      after: { name: row.name, prefix: row.prefix },
    });
    return { token, view: presentApiToken(row) };
  });
}
