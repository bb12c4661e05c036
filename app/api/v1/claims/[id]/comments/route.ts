import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { ZAddCommentRequest } from "@/lib/schemas/comments";
import { addComment } from "@/lib/services/comments/add-comment";
import { listComments } from "@/lib/services/comments/list-comments";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  return NextResponse.json({ comments: await listComments({ actor, claimId: (await params).id }) });
});

export const POST = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const input = await readJson(request, ZAddCommentRequest);
  return NextResponse.json(
    { comment: await addComment({ actor, claimId: (await params).id, input }) },
    { status: 201 },
  );
});
