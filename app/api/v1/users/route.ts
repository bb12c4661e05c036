import { NextResponse } from "next/server";
import { requireApiActor } from "@/lib/auth/require-api-actor";
import { readJson, route } from "@/lib/http";
import { ZCreateUserRequest } from "@/lib/schemas/users";
import { createUser } from "@/lib/services/users/create-user";
import { listUsers } from "@/lib/services/users/list-users";

export const GET = route(async (request) => {
  const actor = await requireApiActor(request);
  return NextResponse.json({ users: await listUsers({ actor }) });
});

export const POST = route(async (request) => {
  const actor = await requireApiActor(request);
  const input = await readJson(request, ZCreateUserRequest);
  return NextResponse.json({ user: await createUser({ actor, input }) }, { status: 201 });
});
