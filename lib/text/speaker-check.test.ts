import { describe, expect, it } from "vitest";
import { speakerKey, speakerNote } from "./speaker-check";

describe("speakerNote", () => {
  it("treats titles, capitals and a trailing colon as the same person", () => {
    for (const name of ["Putin", "Vladimir Putin", "President Putin", "PUTIN:", "President Vladimir Putin"]) expect(speakerKey(name)).toBe("putin");
    expect(speakerNote("Vladimir Putin", "PUTIN:")).toBeNull();
  });
  it("says plainly when the speakers differ", () => {
    expect(speakerNote("George W. Bush", "PUTIN:")).toBe("The article attributes this to George W. Bush; the source passage is spoken by PUTIN.");
  });
  it("says nothing when a side has no speaker", () => {
    expect(speakerNote(null, "Putin")).toBeNull();
    expect(speakerNote("Bush", "  ")).toBeNull();
  });
});
