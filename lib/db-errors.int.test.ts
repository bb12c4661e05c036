import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { databaseInputError } from "@/lib/db-errors";

async function refusal(query: Promise<unknown>) {
  const error = await query.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "PostgreSQL should refuse this value").not.toBeNull();
  return databaseInputError(error);
}

// The last net under validation, on PostgreSQL's real errors through Prisma's driver adapter.
describe("PostgreSQL data exceptions become 422s (issue 9, defect 4)", () => {
  it("a NUL in a text parameter", async () => {
    expect((await refusal(prisma.article.findFirst({ where: { id: "a\u0000b" } })))?.code).toBe("invalid_input");
  });

  it("a year-0000 date and an integer past int4", async () => {
    expect((await refusal(prisma.$queryRaw`SELECT ${"0000-01-01"}::date`))?.code).toBe("invalid_input");
    expect((await refusal(prisma.$queryRaw`SELECT ${"99999999999"}::int4`))?.code).toBe("invalid_input");
  });

  it("leaves other database errors alone (they stay 500s, logged)", async () => {
    expect(await refusal(prisma.$queryRaw`SELECT * FROM no_such_table`)).toBeNull();
  });
});
