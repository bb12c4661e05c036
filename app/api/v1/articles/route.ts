import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { ZCreateArticleRequest } from "@/lib/schemas/articles";
import { createArticle } from "@/lib/services/articles/create-article";
import { listArticles } from "@/lib/services/articles/list-articles";

export const GET = route(async (request) => {
  const actor = await requireApiActor(request);
  return NextResponse.json({ articles: await listArticles({ actor }) });
});

export const POST = route(async (request) => {
  const actor = await requireApiActor(request);
  const input = await readJson(request, ZCreateArticleRequest);
  return NextResponse.json({ article: await createArticle({ actor, input }) }, { status: 201 });
});
