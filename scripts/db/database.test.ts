import { describe, expect, it } from "vitest";
import { memorySettings } from "./database";

const GB = 2 ** 30;

describe("the embedded PostgreSQL's memory", () => {
  it("gives shared buffers an eighth of the machine, between 128 MB and 1 GB", () => {
    expect(memorySettings(24 * GB)).toEqual(["-c", "shared_buffers=1024MB", "-c", "effective_cache_size=12288MB"]);
    expect(memorySettings(4 * GB)).toEqual(["-c", "shared_buffers=512MB", "-c", "effective_cache_size=2048MB"]);
    // A small machine keeps PostgreSQL's own default, and the planner never assumes less cache.
    expect(memorySettings(0.5 * GB)).toEqual(["-c", "shared_buffers=128MB", "-c", "effective_cache_size=256MB"]);
  });
});
