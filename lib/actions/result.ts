import "server-only";
import { ZodError } from "zod";
import { databaseRefusal } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { zodIssues } from "@/lib/http";

export type ActionResult<T = undefined> =
  { ok: true; data?: T; message?: string } | { ok: false; message: string; fieldErrors?: Record<string, string> };

/** Turns what a service threw into something a form can show; unexpected errors stay generic. */
export function actionError(error: unknown): { ok: false; message: string; fieldErrors?: Record<string, string> } {
  if (error instanceof AppError) return { ok: false, message: error.message };
  if (error instanceof ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of zodIssues(error)) fieldErrors[issue.path] ??= issue.message;
    return { ok: false, message: "Some fields need attention.", fieldErrors };
  }
  const fromDatabase = databaseRefusal(error);
  if (fromDatabase) return { ok: false, message: fromDatabase.message };
  console.error(error);
  return { ok: false, message: "Something went wrong on our side. Try again; if it keeps failing, tell an admin." };
}
