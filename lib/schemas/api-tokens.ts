import { z } from "zod";

export const ZCreateApiTokenRequest = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the token after the script that will use it.")
    .max(100, "Use at most 100 characters."),
});
export type TCreateApiTokenRequest = z.infer<typeof ZCreateApiTokenRequest>;
