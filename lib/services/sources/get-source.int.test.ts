import { describe, expect, it } from "vitest";
import { getSource } from "@/lib/services/sources/get-source";
import { listSources } from "@/lib/services/sources/list-sources";
import { buildUser, unique } from "@/test/support/factories";
import { buildSource } from "@/test/support/source-factories";

describe("reading a source", () => {
  it("shows a long document a window of passages at a time, around a linked passage", async () => {
    const editor = await buildUser();
    const text = ["A:", "B:", "C:", "D:", "E:"]
      .map((label, i) => `SPEAKER ${label.slice(0, 1)}: Turn ${i} ${unique("t")}.`)
      .join("\n\n");
    const source = await buildSource(editor, { text });
    const whole = await getSource({ actor: editor, slugOrId: source.slug });
    expect(whole.passages.map((p) => p.ordinal)).toEqual([0, 1, 2, 3, 4]);
    const window = await getSource({
      actor: editor,
      slugOrId: source.id,
      window: { around: whole.passages[3]!.id, size: 2 },
    });
    expect(window.windowStart).toBe(2);
    expect(window.passages.map((p) => p.ordinal)).toEqual([2, 3]);
    expect(window.passageCount).toBe(5);
    // The text between the window's first passage and the one before it: its speaker label.
    expect(window.text.slice(window.gapStart, window.passages[0]!.start).trim()).toBe("SPEAKER C:");
  });

  it("answers a window past the end, even at the largest ordinal there can be, with no passages", async () => {
    const editor = await buildUser();
    const source = await buildSource(editor);
    for (const from of [99, 2_147_483_647]) {
      const window = await getSource({ actor: editor, slugOrId: source.slug, window: { from, size: 1000 } });
      expect(window.passages).toEqual([]);
      expect(window.passageCount).toBeGreaterThan(0);
    }
  });

  it("lets reviewers read and list, not signed-out callers; unknown slugs are not found", async () => {
    const editor = await buildUser();
    const reviewer = await buildUser({ role: "reviewer" });
    const source = await buildSource(editor);
    expect((await getSource({ actor: reviewer, slugOrId: source.slug })).title).toBe(source.title);
    expect((await listSources({ actor: reviewer })).some((s) => s.id === source.id)).toBe(true);
    await expect(getSource({ actor: null, slugOrId: source.slug })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getSource({ actor: reviewer, slugOrId: unique("missing") })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
