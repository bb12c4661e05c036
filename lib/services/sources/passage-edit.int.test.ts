import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { mergePassages } from "@/lib/services/sources/merge-passages";
import { setPassageSpeaker } from "@/lib/services/sources/set-passage-speaker";
import { splitPassage } from "@/lib/services/sources/split-passage";
import { buildUser, unique } from "@/test/support/factories";
import { buildEvidence, buildSource } from "@/test/support/source-factories";

async function passages(documentId: string) {
  const document = await prisma.sourceDocument.findUniqueOrThrow({
    where: { id: documentId },
    include: { passages: { orderBy: { ordinal: "asc" }, include: { evidence: true } } },
  });
  // The invariants every fix keeps: ordinals 0..n-1, text = the document's slice, evidence inside its passage.
  document.passages.forEach((p, i) => {
    expect(p.ordinal).toBe(i);
    expect(p.text).toBe(document.text.slice(p.start, p.end));
    for (const e of p.evidence) expect(p.start <= e.start && e.end <= p.end).toBe(true);
  });
  return document;
}

describe("fixing the split of a source into passages", () => {
  it("splits a passage at the cursor and moves evidence in the second half to the new passage", async () => {
    const editor = await buildUser();
    const source = await buildSource(editor, {
      text: `PRESIDENT BUSH: First sentence here. Second ${unique("s")} sentence there.\n\nPRESIDENT PUTIN: Yes.\n\nEND`,
    });
    const before = await passages(source.id);
    const target = before.passages[0]!;
    const secondAt = before.text.indexOf("Second");
    const first = await buildEvidence(editor, source.id, target.start, target.start + 5);
    const second = await buildEvidence(editor, source.id, secondAt, secondAt + 6);
    const result = await splitPassage({ actor: editor, input: { passageId: target.id, at: secondAt - target.start } });
    expect(result.evidenceMoved).toBe(1);
    const after = await passages(source.id);
    expect(after.passages.map((p) => [p.text.slice(0, 6), p.speaker])).toEqual([
      ["First ", "PRESIDENT BUSH"],
      ["Second", "PRESIDENT BUSH"],
      ["Yes.", "PRESIDENT PUTIN"],
      ["END", null],
    ]);
    expect(after.passages[0]!.id).toBe(target.id);
    expect((await prisma.evidence.findUniqueOrThrow({ where: { id: first.id } })).passageId).toBe(target.id);
    expect((await prisma.evidence.findUniqueOrThrow({ where: { id: second.id } })).passageId).toBe(
      after.passages[1]!.id,
    );
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: target.id, action: "passage.split" } });
    expect(audit.actorId).toBe(editor.id);
  });

  it("refuses a split inside linked evidence, and at the edges, changing nothing", async () => {
    const editor = await buildUser();
    const source = await buildSource(editor, { text: `One two three four ${unique("w")} five six.` });
    const [p] = (await passages(source.id)).passages;
    await buildEvidence(editor, source.id, p!.start + 4, p!.start + 13);
    await expect(splitPassage({ actor: editor, input: { passageId: p!.id, at: 8 } })).rejects.toThrow(
      /both sides of this point/,
    );
    await expect(
      splitPassage({ actor: editor, input: { passageId: p!.id, at: p!.end - p!.start } }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    expect((await passages(source.id)).passages).toHaveLength(1);
  });

  it("merges a passage with the next, re-pointing the second one's evidence", async () => {
    const editor = await buildUser();
    const source = await buildSource(editor);
    const before = await passages(source.id);
    expect(before.passages).toHaveLength(3);
    const [a, b, c] = before.passages;
    const evidence = await buildEvidence(editor, source.id, b!.start, b!.end);
    const result = await mergePassages({ actor: editor, input: { passageId: a!.id } });
    expect(result.evidenceMoved).toBe(1);
    const after = await passages(source.id);
    expect(after.passages.map((p) => p.id)).toEqual([a!.id, c!.id]);
    expect(after.passages[0]!.text).toContain("PRESIDENT PUTIN: I agree");
    expect((await prisma.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).passageId).toBe(a!.id);
    await expect(mergePassages({ actor: editor, input: { passageId: c!.id } })).rejects.toThrow(/last passage/);
  });

  it("changes a speaker, audited; reviewers may not fix passages", async () => {
    const editor = await buildUser();
    const reviewer = await buildUser({ role: "reviewer" });
    const source = await buildSource(editor);
    const [p] = (await passages(source.id)).passages;
    await setPassageSpeaker({ actor: editor, input: { passageId: p!.id, speaker: "  George W. Bush " } });
    expect((await prisma.passage.findUniqueOrThrow({ where: { id: p!.id } })).speaker).toBe("George W. Bush");
    await setPassageSpeaker({ actor: editor, input: { passageId: p!.id, speaker: "" } });
    expect((await prisma.passage.findUniqueOrThrow({ where: { id: p!.id } })).speaker).toBeNull();
    await expect(
      setPassageSpeaker({ actor: reviewer, input: { passageId: p!.id, speaker: "X" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(mergePassages({ actor: reviewer, input: { passageId: p!.id } })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(splitPassage({ actor: null, input: { passageId: p!.id, at: 3 } })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(mergePassages({ actor: editor, input: { passageId: "nope" } })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
