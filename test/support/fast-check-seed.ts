// In CI, property tests run from a fixed seed so a red build is reproducible and never a coin
// toss; locally each run explores new inputs. FC_SEED=n replays a seed anywhere.
import fc from "fast-check";

const seed = process.env.FC_SEED ?? (process.env.CI ? "20261128" : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
