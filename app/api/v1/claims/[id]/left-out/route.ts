import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { ZSetLeftOutRequest } from "@/lib/schemas/publishing";
import { setClaimLeftOut } from "@/lib/services/publishing/set-claim-left-out";

type Context = { params: Promise<{ id: string }> };

export const PATCH = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const input = await readJson(request, ZSetLeftOutRequest);
  return NextResponse.json(await setClaimLeftOut({ actor, claimId: (await params).id, input }));
});
