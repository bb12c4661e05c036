import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policies";
import { presentUser, USER_SELECT, type UserView } from "@/lib/services/users/present-user";

export async function listUsers({ actor }: { actor: Actor | null }): Promise<UserView[]> {
  authorize(actor, "user:manage");
  const users = await prisma.user.findMany({ select: USER_SELECT, orderBy: [{ disabled: "asc" }, { email: "asc" }] });
  return users.map(presentUser);
}
