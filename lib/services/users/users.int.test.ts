import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createUser } from "@/lib/services/users/create-user";
import { listUsers } from "@/lib/services/users/list-users";
import { updateUser } from "@/lib/services/users/update-user";
import { buildUser, unique } from "@/test/support/factories";

describe("user administration", () => {
  it("an admin creates a user; the password is hashed with argon2id and the change is audited", async () => {
    const admin = await buildUser({ role: "admin" });
    const email = `${unique("new")}@example.test`;
    const user = await createUser({
      actor: admin,
      input: { email: email.toUpperCase(), name: "New Person", role: "reviewer", password: "a long enough password" },
    });
    expect(user.email).toBe(email);
    const row = await prisma.user.findUnique({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(user)).not.toContain("argon2");
    const audit = await prisma.auditEvent.findMany({ where: { entityId: user.id } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["user.create", admin.id]]);
  });

  it("refuses a duplicate email with a conflict, and bad input with field messages", async () => {
    const admin = await buildUser({ role: "admin" });
    const other = await buildUser();
    await expect(
      createUser({
        actor: admin,
        input: { email: other.email, name: "Dup", role: "editor", password: "a long enough password" },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      createUser({ actor: admin, input: { email: "not-an-email", name: "", role: "editor", password: "short" } }),
    ).rejects.toThrow(/email/i);
  });

  it("editors and reviewers cannot list, create or change users", async () => {
    for (const role of ["editor", "reviewer"] as const) {
      const actor = await buildUser({ role });
      await expect(listUsers({ actor })).rejects.toMatchObject({ code: "forbidden" });
      await expect(
        createUser({
          actor,
          input: { email: `${unique("x")}@example.test`, name: "X", role: "admin", password: "a long enough password" },
        }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(updateUser({ actor, input: { userId: actor.id, role: "admin" } })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    await expect(listUsers({ actor: null })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("an admin disables and demotes others, with before and after in the audit log, but not themselves", async () => {
    const admin = await buildUser({ role: "admin" });
    const editor = await buildUser({ role: "editor" });
    await updateUser({ actor: admin, input: { userId: editor.id, disabled: true } });
    await updateUser({ actor: admin, input: { userId: editor.id, role: "reviewer" } });
    const audit = await prisma.auditEvent.findMany({ where: { entityId: editor.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["user.disable", "user.update"]);
    expect(audit[0]!.before).toMatchObject({ disabled: false });
    expect(audit[0]!.after).toMatchObject({ disabled: true });
    await expect(updateUser({ actor: admin, input: { userId: admin.id, disabled: true } })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("the audit log refuses updates and deletes", async () => {
    const admin = await buildUser({ role: "admin" });
    await createUser({
      actor: admin,
      input: { email: `${unique("a")}@example.test`, name: "A", role: "editor", password: "a long enough password" },
    });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { actorId: admin.id } });
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: "forged" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
  });
});
