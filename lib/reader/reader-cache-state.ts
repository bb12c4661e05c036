import "server-only";

// State shared with lib/reader/cache-handler.mjs, which Next compiles apart from the app's pages:
// both reach it through globalThis under one registered symbol.
export const READER_CHANNEL = "sourcemark_reader";
const STATE = Symbol.for("sourcemark.readerCache");
type State = { listening: boolean; lsn: string | null; started: boolean };

function state(): State {
  const g = globalThis as unknown as Record<symbol, State | undefined>;
  g[STATE] ??= { listening: false, lsn: null, started: false };
  return g[STATE];
}

/** "16/B374D848" → a number that orders WAL positions. */
export function lsnValue(lsn: string): bigint {
  const [high = "0", low = "0"] = lsn.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/** The highest primary WAL position any publish told this process about (null: none since start). */
export function readerLsn(): string | null {
  return state().lsn;
}

export function noteReaderLsn(lsn: string): void {
  const s = state();
  if (!s.lsn || lsnValue(lsn) > lsnValue(s.lsn)) s.lsn = lsn;
}
