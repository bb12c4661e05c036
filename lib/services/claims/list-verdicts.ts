import "server-only";
import { prisma } from "@/lib/db";

export type VerdictView = { key: string; label: string; description: string; rating: number };

export async function listVerdicts(): Promise<VerdictView[]> {
  return prisma.verdict.findMany({ select: { key: true, label: true, description: true, rating: true }, orderBy: { position: "asc" } });
}
