import { z } from "zod";

export const ZSetLeftOutRequest = z.object({
  leftOut: z.boolean({ message: "Send leftOut: true to leave the claim out of publication, false to include it." }),
});
export type TSetLeftOutRequest = z.infer<typeof ZSetLeftOutRequest>;
