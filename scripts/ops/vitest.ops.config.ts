// `npm run test:ops`: the slow operations tests (real standby, several instances behind nginx,
// a database restart under load). Not part of `npm test`; they start their own PostgreSQL servers.
// Named *.ops-test.ts so that the unit project's `scripts/**/*.test.ts` does not pick them up.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../..", import.meta.url));

export default defineConfig({
  root,
  resolve: { alias: { "@/": root, "server-only": `${root}test/support/server-only-stub.ts` } },
  test: {
    include: ["scripts/ops/**/*.ops-test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
