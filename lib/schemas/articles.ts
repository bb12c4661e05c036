import { z } from "zod";
import { optionalText, zInt4, zIsoDateTime } from "@/lib/schemas/common";
import { checkBody } from "@/lib/editor/body";

export const ZArticleBody = z
  .custom<Record<string, unknown>>((value) => checkBody(value).ok, {
    error: (issue) => {
      const result = checkBody(issue.input);
      return result.ok ? "The body is not valid." : result.message;
    },
  })
  .meta({
    description: "ProseMirror JSON of the article's editor schema; links keep only href, title and a new-tab target.",
    examples: [
      {
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "Bush said, “We have a complex history with Iran.”" }] },
        ],
      },
    ],
  });

export const ZArticleMeta = z.object({
  title: z.string().trim().min(1, "Give the article a title.").max(300, "Use at most 300 characters."),
  outlet: optionalText(200),
  byline: optionalText(300),
  dateline: optionalText(200),
  publishedAt: zIsoDateTime("Use a date and time like 2025-12-26T21:12:00+05:30.").nullable().optional(),
  canonicalUrl: z
    .url({ protocol: /^https?$/, message: "Use an http or https address." })
    .max(2000)
    .nullable()
    .optional()
    .or(z.literal("").transform(() => null)),
});

export const ZCreateArticleRequest = ZArticleMeta.extend({ body: ZArticleBody });
export type TCreateArticleRequest = z.infer<typeof ZCreateArticleRequest>;

export const ZUpdateArticleRequest = ZArticleMeta.partial().extend({
  body: ZArticleBody.optional(),
  version: zInt4("Send the version you loaded, so a newer save is not overwritten.").positive(
    "Send the version you loaded, so a newer save is not overwritten.",
  ),
  /** For scripts sending plain paragraphs: find claims again by their words and put marks back. */
  reanchorByText: z.boolean().optional(),
});
export type TUpdateArticleRequest = z.infer<typeof ZUpdateArticleRequest>;
