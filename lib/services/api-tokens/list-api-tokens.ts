import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policies";
import { presentApiToken, type ApiTokenView } from "@/lib/services/api-tokens/present-api-token";

export async function listApiTokens({ actor }: { actor: Actor | null }): Promise<ApiTokenView[]> {
  authorize(actor, "token:manage");
  const tokens = await prisma.apiToken.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" } });
  return tokens.map(presentApiToken);
}
