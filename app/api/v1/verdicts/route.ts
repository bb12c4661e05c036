import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { z } from "zod";
import { authorize } from "@/lib/auth/policies";
import { readJson, route } from "@/lib/http";
import { ZCreateVerdictRequest } from "@/lib/schemas/verdicts";
import { createVerdict, listVerdicts } from "@/lib/services/verdicts/manage-verdicts";

/** The verdict set; ?archived=1 includes retired verdicts. */
export const GET = route(async (request) => {
  const actor = await requireApiActor(request);
  authorize(actor, "workbench:read");
  const { archived } = z
    .object({ archived: z.enum(["0", "1"]).optional() })
    .parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json({ verdicts: await listVerdicts({ includeArchived: archived === "1" }) });
});

export const POST = route(async (request) => {
  const actor = await requireApiActor(request);
  const input = await readJson(request, ZCreateVerdictRequest);
  return NextResponse.json({ verdict: await createVerdict({ actor, input }) }, { status: 201 });
});
