import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policies";
import { notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { presentApiToken, type ApiTokenView } from "@/lib/services/api-tokens/present-api-token";

export async function revokeApiToken({
  actor,
  tokenId,
}: {
  actor: Actor | null;
  tokenId: string;
}): Promise<ApiTokenView> {
  authorize(actor, "token:manage");
  return prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId: actor.id } });
    if (!token) throw notFound("That token");
    if (token.revokedAt) return presentApiToken(token);
    const row = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "api_token.revoke",
      entityType: "api_token",
      entityId: row.id,
      before: { revokedAt: null },
      after: { revokedAt: row.revokedAt },
    });
    return presentApiToken(row);
  });
}
