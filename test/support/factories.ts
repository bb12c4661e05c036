// Small row builders with unique values, so integration tests run in parallel and in any order.
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/policies";
import { hashPassword } from "@/lib/auth/password";
import { paragraphsToDoc } from "@/lib/editor/body";
import { buildTextMap } from "@/lib/editor/text-map";
import { Node as PMNode } from "@tiptap/pm/model";
import { articleSchema } from "@/lib/editor/extensions";
import type { Role } from "@/lib/generated/prisma/client";

export const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

export async function buildUser(
  overrides: { role?: Role; disabled?: boolean; password?: string } = {},
): Promise<Actor & { password: string }> {
  const password = overrides.password ?? "correct horse battery staple";
  const user = await prisma.user.create({
    data: {
      email: `${unique("user")}@example.test`,
      name: unique("Test User"),
      role: overrides.role ?? "editor",
      disabled: overrides.disabled ?? false,
      passwordHash: await hashPassword(password),
    },
  });
  return { id: user.id, role: user.role, email: user.email, name: user.name, password };
}

export async function buildArticle(options: {
  createdBy: Actor;
  paragraphs?: string[];
  state?: "draft" | "in_review" | "published" | "unpublished";
}) {
  const body = paragraphsToDoc(
    options.paragraphs ?? ["Putin said, “I am concerned about Pakistan.”", "A second paragraph."],
  );
  const text = buildTextMap(PMNode.fromJSON(articleSchema(), body)).text;
  return prisma.article.create({
    data: {
      title: unique("Article"),
      body: body as object,
      bodyText: text,
      createdById: options.createdBy.id,
      state: options.state ?? "draft",
    },
  });
}
