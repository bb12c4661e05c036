import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { route } from "@/lib/http";
import { ZReviewQueueFilter } from "@/lib/schemas/reviews";
import { listReviewQueue } from "@/lib/services/reviews/list-review-queue";

/** Claims in review (and stale ones coming back), oldest first; ?articleId&verdictKey&editorId filter. */
export const GET = route(async (request) => {
  const actor = await requireApiActor(request);
  const filter = ZReviewQueueFilter.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json({ items: await listReviewQueue({ actor, filter }) });
});
