import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { databaseRefusal } from "@/lib/db-errors";
import { buildArticle, buildUser } from "@/test/support/factories";

async function refusal(query: Promise<unknown>) {
  const error = await query.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "PostgreSQL should refuse this value").not.toBeNull();
  return databaseRefusal(error);
}

// The last net under validation, on PostgreSQL's real errors through Prisma's driver adapter.
describe("PostgreSQL data exceptions become 422s (issue 9, defect 4), races 409s", () => {
  it("a NUL in a text parameter", async () => {
    expect((await refusal(prisma.article.findFirst({ where: { id: "a\u0000b" } })))?.code).toBe("invalid_input");
  });

  it("a year-0000 date and an integer past int4", async () => {
    expect((await refusal(prisma.$queryRaw`SELECT ${"0000-01-01"}::date`))?.code).toBe("invalid_input");
    expect((await refusal(prisma.$queryRaw`SELECT ${"99999999999"}::int4`))?.code).toBe("invalid_input");
  });

  it("a row another request removed or created first is a conflict (a race), not a crash", async () => {
    const author = await buildUser({ role: "editor" });
    const article = await buildArticle({ createdBy: author });
    const gone = await refusal(
      prisma.comment.create({
        data: { articleId: article.id, claimId: randomUUID(), authorId: author.id, body: "hi" },
      }),
    );
    expect(gone).toMatchObject({ code: "conflict", message: expect.stringMatching(/removed or changed/) });
    const taken = await refusal(
      prisma.user.create({ data: { email: author.email, name: "Twin", role: "editor", passwordHash: "x" } }),
    );
    expect(taken).toMatchObject({ code: "conflict", message: expect.stringMatching(/taken/) });
  });

  it("leaves other database errors alone (they stay 500s, logged)", async () => {
    expect(await refusal(prisma.$queryRaw`SELECT * FROM no_such_table`)).toBeNull();
  });
});
