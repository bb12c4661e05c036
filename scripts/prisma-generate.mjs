// Runs `prisma generate` without downloading Prisma's schema-engine binary.
// The `prisma-client` generator does not need that engine, but the CLI insists on finding
// one; any existing executable satisfies the check (see README, "Prisma offline").
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
