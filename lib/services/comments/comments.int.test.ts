import { describe, expect, it } from "vitest";
import { addComment } from "@/lib/services/comments/add-comment";
import { listMentions } from "@/lib/services/comments/list-mentions";
import { prisma } from "@/lib/db";
import { listClaimHistory } from "@/lib/services/claims/list-claim-history";
import { setClaimLeftOut } from "@/lib/services/publishing/set-claim-left-out";
import { rejection, seedQuoteClaim } from "@/test/support/quote-claim-fixtures";

describe("comments", () => {
  it("records mentions and lists them for the person mentioned", async () => {
    const { editor, reviewer, id } = await seedQuoteClaim();
    const comment = await addComment({
      actor: editor,
      claimId: id,
      input: { body: `@${reviewer.name} can you check the WION wording?` },
    });
    expect(comment.mentions).toEqual([{ id: reviewer.id, name: reviewer.name }]);
    const mentions = await listMentions({ actor: reviewer });
    expect(mentions[0]).toMatchObject({ id: comment.id, claim: { id } });
    expect((await rejection(addComment({ actor: null, claimId: id, input: { body: "hi" } }))).code).toBe("forbidden");
  });
});

describe("a claim's history", () => {
  it("says what happened in words, comments and publication choices included, never as event keys", async () => {
    const { editor, reviewer, id } = await seedQuoteClaim();
    await addComment({ actor: reviewer, claimId: id, input: { body: "Which transcript is this from?" } });
    await setClaimLeftOut({ actor: editor, claimId: id, input: { leftOut: true } });
    await setClaimLeftOut({ actor: editor, claimId: id, input: { leftOut: false } });
    const history = await prisma.$transaction((tx) => listClaimHistory(tx, id, []));
    expect(history.map((h) => h.summary)).toEqual([
      "marked the claim",
      "commented",
      "left it out of publication",
      "included it in publication again",
    ]);
  });
});
