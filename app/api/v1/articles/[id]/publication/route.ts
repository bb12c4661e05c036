import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { route } from "@/lib/http";
import { revalidateReader } from "@/lib/reader/revalidate-reader";
import { getPublishStatus } from "@/lib/services/publishing/get-publish-status";
import { publishArticle } from "@/lib/services/publishing/publish-article";
import { unpublishArticle } from "@/lib/services/publishing/unpublish-article";

type Context = { params: Promise<{ id: string }> };

/** What publishing would do and what blocks it. */
export const GET = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  return NextResponse.json({ publication: await getPublishStatus({ actor, articleId: (await params).id }) });
});

/** Publish (or publish an update): a new snapshot readers see from now on. 409 lists the blockers. */
export const POST = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const published = await publishArticle({ actor, articleId: (await params).id });
  await revalidateReader(published);
  return NextResponse.json({ published }, { status: 201 });
});

/** Unpublish: readers get 404; the snapshots stay as history. */
export const DELETE = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const result = await unpublishArticle({ actor, articleId: (await params).id });
  await revalidateReader(result);
  return NextResponse.json(result);
});
