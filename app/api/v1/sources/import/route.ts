import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/policies";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { route } from "@/lib/http";
import { importSourceFile } from "@/lib/services/sources/import-source-file";
import { readImportForm } from "./read-import-form";

// PDF text extraction needs Node, not the edge runtime.
export const runtime = "nodejs";

/** Multipart import (a file or pasted text), so the browser can report upload progress. */
export const POST = route(async (request) => {
  const actor = await requireApiActor(request);
  // Before reading the body: a reviewer's 20 MB upload is refused without being buffered.
  authorize(actor, "source:import");
  const form = await readImportForm(request);
  const source = await importSourceFile({ actor, input: form });
  return NextResponse.json({ source: { ...source, href: `/sources/${source.slug}` } }, { status: 201 });
});
