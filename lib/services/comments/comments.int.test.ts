import { describe, expect, it } from "vitest";
import { addComment } from "@/lib/services/comments/add-comment";
import { listMentions } from "@/lib/services/comments/list-mentions";
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
