"use server";

import { revalidatePath } from "next/cache";
import { actionError, type ActionResult } from "@/lib/actions/result";
import { getActor } from "@/lib/auth/session";
import { ZCreateUserRequest, ZUpdateUserRequest } from "@/lib/schemas/users";
import { createUser } from "@/lib/services/users/create-user";
import { updateUser } from "@/lib/services/users/update-user";

export async function createUserAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const input = ZCreateUserRequest.parse(
      Object.fromEntries(["email", "name", "role", "password"].map((k) => [k, form.get(k) ?? ""])),
    );
    const user = await createUser({ actor: await getActor(), input });
    revalidatePath("/admin/users");
    return { ok: true, message: `Created ${user.email}. Give them their password through a safe channel.` };
  } catch (error) {
    return actionError(error);
  }
}

export async function updateUserAction(raw: unknown): Promise<ActionResult> {
  try {
    const user = await updateUser({ actor: await getActor(), input: ZUpdateUserRequest.parse(raw) });
    revalidatePath("/admin/users");
    return { ok: true, message: `Saved ${user.email}.` };
  } catch (error) {
    return actionError(error);
  }
}
