// A failed import leaves nothing behind: the audit write fails after the document and its
// passages were inserted, and the whole transaction rolls back.
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { importSourceDocument } from "@/lib/services/sources/import-source-document";
import { buildUser, unique } from "@/test/support/factories";

vi.mock("@/lib/services/audit/record-audit-event", () => ({
  recordAuditEvent: vi.fn(async () => {
    throw new Error("audit log unavailable");
  }),
}));

describe("a failed import", () => {
  it("leaves no document and no passages", async () => {
    const editor = await buildUser();
    const title = unique("Rolled back");
    const marker = unique("rollback");
    await expect(
      importSourceDocument({
        actor: editor,
        input: { title, kind: "report", primary: false, text: `First ${marker}.\n\nSecond.` },
      }),
    ).rejects.toThrow(/audit log unavailable/);
    expect(await prisma.sourceDocument.count({ where: { title } })).toBe(0);
    expect(await prisma.passage.count({ where: { text: { contains: marker } } })).toBe(0);
  });
});
