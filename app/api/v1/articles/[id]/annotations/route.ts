import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { publicBaseUrl } from "@/lib/reader/site";
import { ZAnnotationImportRequest } from "@/lib/schemas/annotations";
import { importAnnotations } from "@/lib/services/annotations/import-annotations";
import { exportAnnotations } from "@/lib/services/exports/export-annotations";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const collection = await exportAnnotations({ actor, articleId: (await params).id, baseUrl: publicBaseUrl() });
  return NextResponse.json(collection, {
    headers: { "Content-Type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
  });
});

/** Recreates claims and evidence from an AnnotationCollection; each claim anchors or is reported orphaned. */
export const POST = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const input = await readJson(request, ZAnnotationImportRequest, 8 * 1024 * 1024);
  return NextResponse.json(await importAnnotations({ actor, articleId: (await params).id, input }), { status: 201 });
});
