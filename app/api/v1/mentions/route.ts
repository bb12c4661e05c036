import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { route } from "@/lib/http";
import { listMentions } from "@/lib/services/comments/list-mentions";

export const GET = route(async (request) => {
  const actor = await requireApiActor(request);
  return NextResponse.json({ comments: await listMentions({ actor }) });
});
