import { describe, expect, it } from "vitest";
import { keystrokeWork, type TraceEvent } from "./main-thread";

const MAIN = { pid: 7, tid: 7 };
const task = (ts: number, dur: number, thread = MAIN): TraceEvent => ({ name: "RunTask", ph: "X", ts, dur, ...thread });
const dispatch = (type: string, ts: number, dur = 100, thread = MAIN): TraceEvent => ({
  name: "EventDispatch",
  ph: "X",
  ts,
  dur,
  ...thread,
  args: { data: { type } },
});

describe("keystrokeWork", () => {
  it("sums each keystroke's tasks, from the task that handled its keydown to the next keystroke's", () => {
    const events = [
      task(900, 50), // before the first keystroke: not counted
      task(1_000, 4_000), // the first keystroke's events
      dispatch("keydown", 1_100),
      dispatch("input", 2_000),
      task(10_000, 6_000), // its frame
      task(30_000, 1_000), // a timer it set
      task(60_000, 3_000), // the second keystroke
      dispatch("keydown", 60_100),
      task(70_000, 2_000),
    ];
    const work = keystrokeWork(events);
    expect(work.busyMs).toEqual([11, 5]);
    expect(work.eventTaskMs).toEqual([4, 3]);
    expect(work.longestTaskMs).toEqual([6, 3]);
  });

  it("counts idle time as nothing: waiting for a frame is not work", () => {
    // The same work whether the frame comes 1 ms or 15 ms after the keystroke's events.
    const soon = keystrokeWork([task(0, 3_000), dispatch("keydown", 10), task(4_000, 2_000), task(50_000, 1)]);
    const late = keystrokeWork([task(0, 3_000), dispatch("keydown", 10), task(18_000, 2_000), task(50_000, 1)]);
    expect(soon.busyMs).toEqual(late.busyMs);
    expect(soon.busyMs[0]).toBeCloseTo(5.001);
  });

  it("reads only the thread that dispatched the keydowns, and ends the last window one median gap on", () => {
    const other = { pid: 8, tid: 8 };
    const events = [
      task(0, 1_000),
      dispatch("keydown", 10),
      task(0, 9_000, other),
      task(20_000, 1_000),
      dispatch("keydown", 20_010),
      task(30_000, 2_000),
      task(45_000, 7_000), // past the last window (20 ms from 20,000)
    ];
    expect(keystrokeWork(events).busyMs).toEqual([1, 3]);
  });

  it("answers empty lists for a trace with no keystrokes", () => {
    expect(keystrokeWork([task(0, 1_000), dispatch("click", 10)])).toEqual({
      busyMs: [],
      eventTaskMs: [],
      longestTaskMs: [],
    });
  });
});
