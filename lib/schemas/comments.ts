import { z } from "zod";

export const ZAddCommentRequest = z.object({
  body: z
    .string({ message: "Write the comment." })
    .trim()
    .min(1, "Write the comment.")
    .max(10_000, "Keep the comment under 10,000 characters."),
});
export type TAddCommentRequest = z.infer<typeof ZAddCommentRequest>;

export const ZMentionableQuery = z.object({
  q: z.string().max(100, "Type at most 100 characters of a name.").default(""),
});
