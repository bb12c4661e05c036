import "server-only";
import { NextResponse } from "next/server";
import { ZodError, type z } from "zod";
import { databaseRefusal } from "@/lib/db-errors";
import { AppError, STATUS_BY_CODE } from "@/lib/errors";
import { isJsonContentType, jsonProblem } from "@/lib/http-input";
import { logger } from "@/lib/observability/logger";
import { logUnexpectedError } from "@/lib/observability/unexpected-error";
import { guardRequest, checkedContext } from "@/lib/request-guards";

export type ErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

export function zodIssues(error: ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (error instanceof AppError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, ...error.details } },
      { status: STATUS_BY_CODE[error.code] },
    );
  }
  if (error instanceof ZodError) {
    const issues = zodIssues(error);
    const first = issues[0];
    const rootType = error.issues[0]?.path.length === 0 && error.issues[0]?.code === "invalid_type";
    const message = rootType
      ? "The request body must be a JSON object with the fields described in /api/openapi.json."
      : first
        ? `${first.path ? `${first.path}: ` : ""}${first.message}`
        : "The request is not valid.";
    return NextResponse.json({ error: { code: "invalid_input", message, issues } }, { status: 422 });
  }
  const fromDatabase = databaseRefusal(error);
  if (fromDatabase) {
    // A race is the users' doing, but one that keeps recurring is a missing lock: keep a trace.
    if (fromDatabase.code === "conflict") logger().warn({ err: error }, "a database race was answered 409");
    return errorResponse(fromDatabase);
  }
  // Never leak a stack or a driver message: log it for the operator, say something useful.
  const unavailable = logUnexpectedError(error);
  if (unavailable) return unavailable;
  return NextResponse.json(
    {
      error: {
        code: "internal",
        message: "Something went wrong on our side. Try again; if it keeps failing, tell an admin.",
      },
    },
    { status: 500 },
  );
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler so every failure becomes a JSON error a person can read, and so no
 * handler sees a cross-site cookie write, a NUL in its query, or a path id that cannot exist.
 */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      guardRequest(request);
      return await handler(request, await checkedContext(context));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export const MAX_JSON_BYTES = 2 * 1024 * 1024;

/** Reads a request body, stopping as soon as it passes `limit` bytes (chunked or not). */
export async function readBytesWithin(
  request: Request,
  limit: number,
  tooLarge: () => AppError,
): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads a request body as UTF-8 text within `limit` bytes; invalid UTF-8 is refused. */
export async function readTextWithin(request: Request, limit: number): Promise<string> {
  const bytes = await readBytesWithin(
    request,
    limit,
    () => new AppError("too_large", `The request body is over the ${Math.round(limit / 1024)} KiB limit.`),
  );
  try {
    // Fatal: invalid UTF-8 is refused rather than stored as U+FFFD in place of what was sent.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid UTF-8.");
  }
}

/** Reads and validates a JSON body, refusing bodies over `limit` bytes before parsing them. */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  limit = MAX_JSON_BYTES,
): Promise<z.infer<S>> {
  // A form or text/plain body is what a cross-site page can send without a preflight.
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new AppError("unsupported_media", "Send the request body as JSON, with `Content-Type: application/json`.");
  }
  const raw = await readTextWithin(request, limit);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON.");
  }
  const problem = jsonProblem(json);
  if (problem) throw new AppError("invalid_input", problem.message, { issues: [problem] });
  return schema.parse(json);
}
