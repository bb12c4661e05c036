import "server-only";
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { authorize, type Actor } from "@/lib/auth/policies";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZCreateUserRequest, type TCreateUserRequest } from "@/lib/schemas/users";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { presentUser, USER_SELECT, type UserView } from "@/lib/services/users/present-user";

/** `actor: "system"` is the demo seed and the first-admin bootstrap, never a request. */
export async function createUser({
  actor,
  input,
}: {
  actor: Actor | null | "system";
  input: TCreateUserRequest;
}): Promise<UserView> {
  let actorId: string | null = null;
  if (actor !== "system") {
    authorize(actor, "user:manage");
    actorId = actor.id;
  }
  const data = ZCreateUserRequest.parse(input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, role: data.role, passwordHash },
        select: USER_SELECT,
      });
      const view = presentUser(user);
      await recordAuditEvent(tx, {
        actorId,
        action: "user.create",
        entityType: "user",
        entityId: user.id,
        after: view,
      });
      return view;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", `There is already an account for ${data.email}.`);
    }
    throw error;
  }
}
