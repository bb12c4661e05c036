import { AppError } from "@/lib/errors";

/**
 * The last net under validation and locking. The transaction PostgreSQL aborted wrote nothing, so
 * the caller can be told what happened and try again:
 * - a value it refuses (SQLSTATE class 22, "data exception": out of range, invalid text, bad date;
 *   54001: nested too deeply) is the client's input: 422;
 * - a row this request refers to, removed meanwhile by another (23503, foreign key), a row another
 *   request created first (23505, unique), or two transactions waiting on each other (40P01,
 *   deadlock; 40001, serialization) is a race with another person's change: 409.
 * Schemas and services should say it first, in their own words; this keeps one that slipped
 * through from becoming a 500.
 */
export function databaseRefusal(error: unknown): AppError | null {
  const code = sqlState(error);
  if (!code) return null;
  if (code.startsWith("22") || code === "54001") {
    return new AppError(
      "invalid_input",
      "A value in the request cannot be stored: it is out of range, or has characters or a date the database does not accept.",
    );
  }
  if (code === "23503")
    return new AppError(
      "conflict",
      "Something this change refers to was removed or changed by someone else just now. Reload and try again.",
    );
  if (code === "23505")
    return new AppError(
      "conflict",
      "Someone else created the same thing just now (the name or key is taken). Reload and try again.",
    );
  if (code === "40P01" || code === "40001")
    return new AppError("conflict", "Another change to the same item was being saved at the same moment. Try again.");
  return null;
}

// Prisma's driver adapter keeps PostgreSQL's code as `originalCode` a few levels down
// (error.meta.driverAdapterError.cause.originalCode); `pg` itself puts it in `code`.
function sqlState(error: unknown, depth = 0): string | null {
  if (typeof error !== "object" || error === null || depth > 5) return null;
  const record = error as Record<string, unknown>;
  for (const key of ["originalCode", "code"]) {
    const value = record[key];
    if (typeof value === "string" && /^[0-9A-Z]{5}$/.test(value) && /^\d\d/.test(value)) return value;
  }
  for (const key of ["cause", "meta", "driverAdapterError"]) {
    const found = sqlState(record[key], depth + 1);
    if (found) return found;
  }
  return null;
}
