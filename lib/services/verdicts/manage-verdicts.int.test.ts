import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createVerdict } from "@/lib/services/verdicts/manage-verdicts";
import { buildUser } from "@/test/support/factories";

describe("the verdict set", () => {
  it("adds a verdict once: six admins adding the same key at once get one created and five conflicts", async () => {
    const admin = await buildUser({ role: "admin" });
    const key = `race_${randomUUID().slice(0, 8)}`;
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        createVerdict({
          actor: admin,
          input: { key, label: "Race", description: "", rating: 3, requiresRationale: false },
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refusals = results.flatMap((r) =>
      r.status === "rejected" ? [r.reason as { code: string; message: string }] : [],
    );
    expect(refusals).toHaveLength(5);
    for (const refusal of refusals)
      expect(refusal).toMatchObject({ code: "conflict", message: `A verdict with the key “${key}” exists already.` });
  });

  it("is managed by admins only", async () => {
    const editor = await buildUser({ role: "editor" });
    await expect(
      createVerdict({
        actor: editor,
        input: {
          key: `nope_${randomUUID().slice(0, 8)}`,
          label: "No",
          description: "",
          rating: 1,
          requiresRationale: false,
        },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      createVerdict({
        actor: null,
        input: { key: "nope", label: "No", description: "", rating: 1, requiresRationale: false },
      }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
