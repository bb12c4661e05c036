"use server";

import { revalidatePath } from "next/cache";
import { actionError, type ActionResult } from "@/lib/actions/result";
import { getActor } from "@/lib/auth/session";
import { ZMergePassagesRequest, ZSetPassageSpeakerRequest, ZSplitPassageRequest } from "@/lib/schemas/sources";
import { mergePassages } from "@/lib/services/sources/merge-passages";
import { setPassageSpeaker } from "@/lib/services/sources/set-passage-speaker";
import { splitPassage } from "@/lib/services/sources/split-passage";

const moved = (n: number) =>
  n === 0 ? "" : ` ${n} linked evidence ${n === 1 ? "span moved" : "spans moved"} with the words.`;

export async function mergePassagesAction(raw: unknown): Promise<ActionResult> {
  try {
    const result = await mergePassages({ actor: await getActor(), input: ZMergePassagesRequest.parse(raw) });
    revalidatePath(`/sources/${result.slug}`);
    return { ok: true, message: `Merged the two passages.${moved(result.evidenceMoved)}` };
  } catch (error) {
    return actionError(error);
  }
}

export async function splitPassageAction(raw: unknown): Promise<ActionResult> {
  try {
    const result = await splitPassage({ actor: await getActor(), input: ZSplitPassageRequest.parse(raw) });
    revalidatePath(`/sources/${result.slug}`);
    return { ok: true, message: `Split the passage in two.${moved(result.evidenceMoved)}` };
  } catch (error) {
    return actionError(error);
  }
}

export async function setPassageSpeakerAction(raw: unknown): Promise<ActionResult> {
  try {
    const result = await setPassageSpeaker({ actor: await getActor(), input: ZSetPassageSpeakerRequest.parse(raw) });
    revalidatePath(`/sources/${result.slug}`);
    return { ok: true, message: result.speaker ? `Speaker set to ${result.speaker}.` : "Speaker removed." };
  } catch (error) {
    return actionError(error);
  }
}
