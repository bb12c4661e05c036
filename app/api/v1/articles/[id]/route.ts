import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { route } from "@/lib/http";
import { getArticle } from "@/lib/services/articles/get-article";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  return NextResponse.json({ article: await getArticle({ actor, articleId: (await params).id }) });
});
