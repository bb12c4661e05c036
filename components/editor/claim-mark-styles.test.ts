import { describe, expect, it } from "vitest";
import { claimMarkCss } from "@/components/editor/claim-mark-styles";

const claim = (id: string, state: string, anchorStatus = "anchored") => ({ id, state, anchorStatus }) as never;

describe("claimMarkCss", () => {
  it("styles stale marks with a dashed underline and a sign, not colour alone", () => {
    const css = claimMarkCss([claim("c1", "stale"), claim("c2", "approved")], null);
    expect(css).toContain('mark.claim-mark[data-claim-id="c1"]{border-bottom:3px dashed');
    expect(css).toContain('mark.claim-mark[data-claim-id="c1"]::before{content:"⟳"');
    expect(css).not.toContain('"c2"');
  });

  it("outlines the active claim and nothing else when none is stale", () => {
    expect(claimMarkCss([claim("c2", "draft")], "c2")).toBe(
      'mark.claim-mark[data-claim-id="c2"]{outline:2px solid #1d4ed8;outline-offset:1px}',
    );
    expect(claimMarkCss([], null)).toBe("");
  });

  it("never puts an unsafe id into a selector", () => {
    const css = claimMarkCss([claim('x"]{}*{display:none}', "stale")], '"]{}body{display:none');
    expect(css).toBe("");
  });

  it("leaves orphaned claims alone (they have no mark)", () => {
    expect(claimMarkCss([claim("c3", "stale", "orphaned")], null)).toBe("");
  });
});
