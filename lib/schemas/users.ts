import { z } from "zod";
import { ZEmail, ZPassword } from "@/lib/schemas/auth";

export const ZRole = z.enum(["admin", "editor", "reviewer"], { message: "Choose a role: admin, editor or reviewer." });

export const ZCreateUserRequest = z.object({
  email: ZEmail,
  name: z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters."),
  role: ZRole,
  password: ZPassword,
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z.object({
  userId: z.string().min(1),
  role: ZRole.optional(),
  disabled: z.boolean().optional(),
});
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;
