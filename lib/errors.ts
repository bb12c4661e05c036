// One error type for expected failures; its code decides the HTTP status (Dub's lib/api/errors).
export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid_input"
  | "too_large"
  | "rate_limited"
  | "unsupported_media";

export const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media: 415,
  invalid_input: 422,
  rate_limited: 429,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) =>
  new AppError("not_found", `${what} was not found, or you do not have access to it.`);
export const forbidden = (message = "Your role does not allow this.") => new AppError("forbidden", message);
