import "server-only";
import { NextResponse } from "next/server";
import { ZodError, type z } from "zod";
import { AppError, STATUS_BY_CODE } from "@/lib/errors";
import { logUnexpectedError } from "@/lib/observability/unexpected-error";

export type ErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

export function zodIssues(error: ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (error instanceof AppError) {
    return NextResponse.json({ error: { code: error.code, message: error.message, ...error.details } }, { status: STATUS_BY_CODE[error.code] });
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
  // Never leak a stack or a driver message: log it for the operator, say something useful.
  const unavailable = logUnexpectedError(error);
  if (unavailable) return unavailable;
  return NextResponse.json({ error: { code: "internal", message: "Something went wrong on our side. Try again; if it keeps failing, tell an admin." } }, { status: 500 });
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so every failure becomes a JSON error a person can read. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export const MAX_JSON_BYTES = 2 * 1024 * 1024;

/** Reads a request body as text, stopping as soon as it passes `limit` bytes (chunked or not). */
export async function readTextWithin(request: Request, limit: number): Promise<string> {
  const tooLarge = () => new AppError("too_large", `The request body is over the ${Math.round(limit / 1024)} KiB limit.`);
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  if (!request.body) return "";
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
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads and validates a JSON body, refusing bodies over `limit` bytes before parsing them. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, limit = MAX_JSON_BYTES): Promise<z.infer<S>> {
  const raw = await readTextWithin(request, limit);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON.");
  }
  return schema.parse(json);
}
