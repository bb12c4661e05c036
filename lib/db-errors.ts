import { AppError } from "@/lib/errors";

/**
 * The last net under input validation: PostgreSQL refusing a value (SQLSTATE class 22, "data
 * exception": out of range, invalid text, bad date; 54001: nested too deeply) is the client's
 * input, not our failure, so it is a 422, and the transaction it aborted wrote nothing. Schemas
 * should refuse such values first; this keeps one that slipped through from becoming a 500.
 */
export function databaseInputError(error: unknown): AppError | null {
  const code = sqlState(error);
  if (!code) return null;
  if (code.startsWith("22") || code === "54001") {
    return new AppError(
      "invalid_input",
      "A value in the request cannot be stored: it is out of range, or has characters or a date the database does not accept.",
    );
  }
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
