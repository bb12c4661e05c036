import { z } from "zod";

/**
 * PostgreSQL's `integer` is 32-bit. A larger number is valid JSON and a safe JavaScript integer,
 * so without this bound it would travel all the way to the database and fail there as a 500.
 */
export const INT4_MAX = 2_147_483_647;

/** A whole number that fits the database's integer columns. */
export const zInt4 = (message = "Use a whole number.") =>
  z
    .number({ message })
    .int(message)
    .min(-INT4_MAX - 1, message)
    .max(INT4_MAX, `Use a number up to ${INT4_MAX.toLocaleString("en")}.`);

/** The same, sent as text in a query string or a form field. */
export const zInt4Param = (message = "Use a whole number.") =>
  z.coerce
    .number({ message })
    .int(message)
    .min(-INT4_MAX - 1, message)
    .max(INT4_MAX, `Use a number up to ${INT4_MAX.toLocaleString("en")}.`);

/**
 * A whole number in [min, max], sent as text or as a number (a page, a page size, how many to
 * return), each bound with its own message in words. For small ranges: zInt4Param's int4 bounds
 * would speak first, in general terms, for 3,000,000,000.
 */
export const zBoundedCount = (whole: string, [min, below]: [number, string], [max, above]: [number, string]) =>
  z.coerce.number({ message: whole }).int(whole).min(min, below).max(max, above);

/** A version number sent in the query string (DELETE has no body). */
export const ZVersionParam = zInt4Param("Add ?version=N: the version you loaded.").pipe(
  z.number().positive("Add ?version=N: the version you loaded."),
);

/** PostgreSQL has no year 0 and JavaScript dates end in 275760: keep to years 1–9999. */
const inYearRange = (value: string) => {
  const year = new Date(value).getUTCFullYear();
  return year >= 1 && year <= 9999;
};

/** A calendar date like 2008-04-06, in years 1–9999. */
export const zIsoDate = (message = "Use a date like 2008-04-06.") =>
  z.iso.date({ message }).refine(inYearRange, "Use a date between the years 1 and 9999.");

/** A date and time with an offset, in years 1–9999 (in UTC, where the database compares them). */
export const zIsoDateTime = (message: string) =>
  z.iso.datetime({ offset: true, message }).refine(inYearRange, "Use a date between the years 1 and 9999.");

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a string cannot be stored: PostgreSQL text cannot hold U+0000, and a lone UTF-16
 * surrogate has no UTF-8 form (it would silently become U+FFFD). Null when it can.
 */
export function textProblem(value: string): string | null {
  if (value.includes("\u0000")) return "contains a NUL character (U+0000), which cannot be stored.";
  if (LONE_SURROGATE.test(value)) return "contains a lone UTF-16 surrogate, which is not a character.";
  return null;
}

/** An optional text field: trimmed, at most `max` characters, and "" stored as null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();
