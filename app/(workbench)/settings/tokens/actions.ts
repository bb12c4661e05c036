"use server";

import { revalidatePath } from "next/cache";
import { actionError, type ActionResult } from "@/lib/actions/result";
import { getActor } from "@/lib/auth/session";
import { ZCreateApiTokenRequest } from "@/lib/schemas/api-tokens";
import { createApiToken } from "@/lib/services/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/services/api-tokens/revoke-api-token";

export async function createApiTokenAction(
  _prev: ActionResult<{ token: string }> | null,
  form: FormData,
): Promise<ActionResult<{ token: string }>> {
  try {
    const input = ZCreateApiTokenRequest.parse({ name: form.get("name") ?? "" });
    const { token } = await createApiToken({ actor: await getActor(), input });
    revalidatePath("/settings/tokens");
    return { ok: true, data: { token } };
  } catch (error) {
    return actionError(error);
  }
}

export async function revokeApiTokenAction(tokenId: string): Promise<ActionResult> {
  try {
    await revokeApiToken({ actor: await getActor(), tokenId: String(tokenId) });
    revalidatePath("/settings/tokens");
    return { ok: true, message: "Token revoked." };
  } catch (error) {
    return actionError(error);
  }
}
