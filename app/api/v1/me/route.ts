import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { route } from "@/lib/http";

export const GET = route(async (request) => NextResponse.json({ user: await requireApiActor(request) }));
