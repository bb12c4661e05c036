// What the page's main thread did for each keystroke, read from a Chromium trace (the format of
// chrome://tracing and Playwright's browser.startTracing, categories "devtools.timeline" and
// "disabled-by-default-devtools.timeline"). A clock read inside the page cannot tell work from
// waiting: a task queued after a keystroke runs only after the next frame when one is due, so
// "keydown → the task after it" swings by up to a frame with the phase of the typing against
// the display (decision 0014). The trace's tasks hold only what the thread ran.

/** One trace event: complete events ("X") carry a duration; times are in microseconds. */
export type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { type?: string } };
};

export type KeystrokeWork = {
  /** Main-thread busy time from the task that handled each keydown until the next keydown's task (ms). */
  busyMs: number[];
  /** The part of it in the task that handled the keydown: its events, handlers and microtasks (ms). */
  eventTaskMs: number[];
  /** The longest single task of each keystroke (ms). */
  longestTaskMs: number[];
};

const isDispatchOf = (type: string) => (e: TraceEvent) =>
  e.name === "EventDispatch" && e.ph === "X" && e.args?.data?.type === type;

/**
 * Splits the thread that dispatched the keydowns into one window per keystroke, from the task
 * that handled it to the task of the next one (the last window is as long as the median gap
 * between keystrokes), and sums the tasks that start in each window.
 */
export function keystrokeWork(events: readonly TraceEvent[]): KeystrokeWork {
  const keydowns = events.filter(isDispatchOf("keydown")).sort((a, b) => a.ts - b.ts);
  if (keydowns.length === 0) return { busyMs: [], eventTaskMs: [], longestTaskMs: [] };
  const { pid, tid } = keydowns[0]!;
  const tasks = events
    .filter((e) => e.name === "RunTask" && e.ph === "X" && e.pid === pid && e.tid === tid && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const taskOf = (e: TraceEvent) => tasks.find((t) => t.ts <= e.ts && e.ts < t.ts + t.dur!);
  const starts = keydowns.map((k) => taskOf(k)?.ts ?? k.ts);
  const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
  const medianGap = gaps.length ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]! : Infinity;
  const result: KeystrokeWork = { busyMs: [], eventTaskMs: [], longestTaskMs: [] };
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? start + medianGap;
    const own = tasks.filter((t) => t.ts >= start && t.ts < end);
    result.busyMs.push(own.reduce((sum, t) => sum + t.dur!, 0) / 1000);
    result.eventTaskMs.push((own[0]?.ts === start ? own[0].dur! : 0) / 1000);
    result.longestTaskMs.push(Math.max(0, ...own.map((t) => t.dur!)) / 1000);
  });
  return result;
}
