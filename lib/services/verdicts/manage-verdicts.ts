import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/policies";
import { AppError, notFound } from "@/lib/errors";
import {
  ZCreateVerdictRequest,
  ZUpdateVerdictRequest,
  type TCreateVerdictRequest,
  type TUpdateVerdictRequest,
} from "@/lib/schemas/verdicts";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

export type VerdictView = {
  key: string;
  label: string;
  description: string;
  rating: number;
  position: number;
  requiresRationale: boolean;
  archived: boolean;
};
const SELECT = {
  key: true,
  label: true,
  description: true,
  rating: true,
  position: true,
  requiresRationale: true,
  archived: true,
} as const;

/** The verdict set in display order; archived ones only when asked (they stay on old claims). */
export async function listVerdicts({ includeArchived = false }: { includeArchived?: boolean } = {}): Promise<
  VerdictView[]
> {
  return prisma.verdict.findMany({
    where: includeArchived ? {} : { archived: false },
    select: SELECT,
    orderBy: { position: "asc" },
  });
}

export async function createVerdict({
  actor,
  input,
}: {
  actor: Actor | null;
  input: TCreateVerdictRequest;
}): Promise<VerdictView> {
  authorize(actor, "verdict:manage");
  const data = ZCreateVerdictRequest.parse(input);
  const taken = () => new AppError("conflict", `A verdict with the key “${data.key}” exists already.`);
  return prisma
    .$transaction(async (tx) => {
      if (await tx.verdict.findUnique({ where: { key: data.key } })) throw taken();
      const last = await tx.verdict.aggregate({ _max: { position: true } });
      const row = await tx.verdict.create({
        data: { ...data, position: (last._max.position ?? 0) + 1 },
        select: SELECT,
      });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "verdict.create",
        entityType: "verdict",
        entityId: row.key,
        after: row,
      });
      return row;
    })
    .catch((error: unknown) => {
      // Two admins adding the same key at once: the second insert meets the first's row.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw taken();
      throw error;
    });
}

/** Edits labels, descriptions and ratings; a verdict in use is archived, never deleted. */
export async function updateVerdict({
  actor,
  key,
  input,
}: {
  actor: Actor | null;
  key: string;
  input: TUpdateVerdictRequest;
}): Promise<VerdictView> {
  authorize(actor, "verdict:manage");
  const data = ZUpdateVerdictRequest.parse(input);
  return prisma.$transaction(async (tx) => {
    const before = await tx.verdict.findUnique({ where: { key }, select: SELECT });
    if (!before) throw notFound("That verdict");
    const after = await tx.verdict.update({ where: { key }, data, select: SELECT });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "verdict.update",
      entityType: "verdict",
      entityId: key,
      before,
      after,
    });
    return after;
  });
}
