import { z } from "zod";

/** A version number sent in the query string (DELETE has no body). */
export const ZVersionParam = z.coerce.number({ message: "Add ?version=N: the version you loaded." }).int().positive("Add ?version=N: the version you loaded.");

/** An optional text field: trimmed, at most `max` characters, and "" stored as null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();
