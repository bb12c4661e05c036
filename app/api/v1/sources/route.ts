import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { MAX_SOURCE_CHARS, ZImportSourceRequest } from "@/lib/schemas/sources";
import { importSourceDocument } from "@/lib/services/sources/import-source-document";
import { listSources } from "@/lib/services/sources/list-sources";

export const GET = route(async (request) => {
  const actor = await requireApiActor(request);
  return NextResponse.json({ sources: await listSources({ actor }) });
});

/** JSON import of a text (files go to /api/v1/sources/import as multipart). */
export const POST = route(async (request) => {
  const actor = await requireApiActor(request);
  // UTF-8 takes up to 3 bytes per UTF-16 unit of our text limit, plus the metadata.
  const input = await readJson(request, ZImportSourceRequest, MAX_SOURCE_CHARS * 3 + 1024 * 1024);
  const source = await importSourceDocument({ actor, input });
  return NextResponse.json({ source: { ...source, href: `/sources/${source.slug}` } }, { status: 201 });
});
