import { z } from "zod";

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter an email address like name@example.org." }))
  .refine((value) => value.length <= 254, "An email address has at most 254 characters.");

export const ZSignInRequest = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
});
export type TSignInRequest = z.infer<typeof ZSignInRequest>;

export const ZPassword = z.string().min(12, "Use at least 12 characters.").max(1024, "Use at most 1,024 characters.");
