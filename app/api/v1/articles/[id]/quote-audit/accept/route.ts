import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { ZAcceptQuoteProposalsRequest } from "@/lib/schemas/quote-audit";
import { acceptQuoteProposals } from "@/lib/services/quote-audit/accept-quote-proposals";

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const input = await readJson(request, ZAcceptQuoteProposalsRequest, 4 * 1024 * 1024);
  return NextResponse.json(await acceptQuoteProposals({ actor, articleId: (await params).id, input }), { status: 201 });
});
