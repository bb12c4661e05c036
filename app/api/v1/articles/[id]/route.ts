import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { revalidateReader } from "@/lib/reader/revalidate-reader";
import { ZUpdateArticleRequest } from "@/lib/schemas/articles";
import { ZVersionParam } from "@/lib/schemas/common";
import { deleteArticle } from "@/lib/services/articles/delete-article";
import { getArticle } from "@/lib/services/articles/get-article";
import { updateArticle } from "@/lib/services/articles/update-article";
import { listClaims } from "@/lib/services/claims/list-claims";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const { id } = await params;
  const article = await getArticle({ actor, articleId: id });
  return NextResponse.json({ article, claims: await listClaims({ actor, articleId: id }) });
});

/** Metadata and/or body, with the version the client loaded (409 when someone saved since). */
export const PATCH = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const input = await readJson(request, ZUpdateArticleRequest, 4 * 1024 * 1024);
  return NextResponse.json(await updateArticle({ actor, articleId: (await params).id, input }));
});

export const DELETE = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const version = ZVersionParam.parse(new URL(request.url).searchParams.get("version") ?? undefined);
  const deleted = await deleteArticle({ actor, articleId: (await params).id, version });
  // A published article's pages are served from cache until expired: deleted is gone, as unpublished is.
  if (deleted.wasPublished) await revalidateReader(deleted);
  return new NextResponse(null, { status: 204 });
});
