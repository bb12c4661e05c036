import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { ZCreateClaimRequest } from "@/lib/schemas/claims";
import { getArticle } from "@/lib/services/articles/get-article";
import { createClaim } from "@/lib/services/claims/create-claim";
import { listClaims } from "@/lib/services/claims/list-claims";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const { id } = await params;
  await getArticle({ actor, articleId: id });
  return NextResponse.json({ claims: await listClaims({ actor, articleId: id }) });
});

export const POST = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const input = await readJson(request, ZCreateClaimRequest, 4 * 1024 * 1024);
  return NextResponse.json(await createClaim({ actor, articleId: (await params).id, input }), { status: 201 });
});
