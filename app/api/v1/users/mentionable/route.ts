import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { route } from "@/lib/http";
import { ZMentionableQuery } from "@/lib/schemas/comments";
import { listMentionableUsers } from "@/lib/services/comments/list-mentions";

export const GET = route(async (request) => {
  const actor = await requireApiActor(request);
  const { q } = ZMentionableQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json({ users: await listMentionableUsers({ actor, query: q }) });
});
