import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { ZClaimVersionRequest } from "@/lib/schemas/claims";
import { submitClaim } from "@/lib/services/claims/submit-claim";

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const input = await readJson(request, ZClaimVersionRequest);
  return NextResponse.json({ claim: await submitClaim({ actor, claimId: (await params).id, input, mode: "submit" }) });
});
