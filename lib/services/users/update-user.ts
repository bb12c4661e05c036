import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policies";
import { AppError, notFound } from "@/lib/errors";
import { ZUpdateUserRequest, type TUpdateUserRequest } from "@/lib/schemas/users";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { presentUser, USER_SELECT, type UserView } from "@/lib/services/users/present-user";

export async function updateUser({
  actor,
  input,
}: {
  actor: Actor | null;
  input: TUpdateUserRequest;
}): Promise<UserView> {
  authorize(actor, "user:manage");
  const data = ZUpdateUserRequest.parse(input);
  if (data.userId === actor.id && (data.disabled === true || (data.role && data.role !== "admin"))) {
    // An admin locking themselves out could leave the workspace with no admin at all.
    throw new AppError("forbidden", "You cannot disable or demote your own account; ask another admin.");
  }
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: data.userId }, select: USER_SELECT });
    if (!before) throw notFound("That user");
    const after = await tx.user.update({
      where: { id: data.userId },
      data: { role: data.role, disabled: data.disabled },
      select: USER_SELECT,
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action:
        data.disabled !== undefined && data.disabled !== before.disabled
          ? data.disabled
            ? "user.disable"
            : "user.enable"
          : "user.update",
      entityType: "user",
      entityId: after.id,
      before: presentUser(before),
      after: presentUser(after),
    });
    return presentUser(after);
  });
}
