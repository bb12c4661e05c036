// Read replicas against a real streaming standby: reader pages and search read the replica,
// writes and reads inside a transaction go to the primary, and an editor reads their own save.
// Replay on the standby is paused while we save, so "which server answered" is visible in the data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../db/migrate.ts";
import { freePort } from "../start-check.ts";
import { queryOne, startPrimary, startStandby, waitFor, type Cluster } from "./pg-cluster.ts";

// Free ports, not fixed ones: a fixed port in the ephemeral range (55402) was once taken by some
// client connection's local end, and the standby could not start.
const PRIMARY_PORT = Number(process.env.OPS_PRIMARY_PORT ?? (await freePort()));
const STANDBY_PORT = Number(process.env.OPS_STANDBY_PORT ?? (await freePort()));
let primary: Cluster | undefined;
let standby: Cluster | undefined;

beforeAll(async () => {
  primary = startPrimary("replica-primary", PRIMARY_PORT);
  await queryOne(primary.url(), "CREATE DATABASE sourcemark");
  await migrate(primary.url("sourcemark"));
  standby = await startStandby(primary, "replica-standby", STANDBY_PORT);
  // lib/db.ts reads these on first use, which is after this point.
  process.env.DATABASE_URL = primary.url("sourcemark");
  process.env.DATABASE_REPLICA_URL = standby.url("sourcemark");
});

afterAll(async () => {
  const { closeDatabase } = await import("@/lib/db");
  await closeDatabase();
  standby?.destroy();
  primary?.destroy();
});

const pauseReplay = () => queryOne(standby!.url("sourcemark"), "SELECT pg_wal_replay_pause()");
const resumeReplay = () => queryOne(standby!.url("sourcemark"), "SELECT pg_wal_replay_resume()");

describe("with DATABASE_REPLICA_URL", () => {
  it("sends reader and search reads to the replica, everything else to the primary", async () => {
    const { prisma, readFromReplica } = await import("@/lib/db");
    const { buildArticle, buildUser } = await import("@/test/support/factories");
    const { updateArticle } = await import("@/lib/services/articles/update-article");
    const { paragraphsToDoc } = await import("@/lib/editor/body");

    const recovery = async () => (await prisma.$queryRaw<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`)[0]!.r;
    expect(await recovery()).toBe(false);
    expect(await readFromReplica(recovery)).toBe(true);

    const editor = await buildUser({ role: "editor" });
    const article = await buildArticle({ createdBy: editor, state: "published", paragraphs: ["First words."] });
    await waitFor(
      async () => (await readFromReplica(() => prisma.article.count({ where: { id: article.id } }))) === 1,
      20_000,
      "the article to reach the replica",
    );
    const oldTitle = article.title;

    await pauseReplay();
    try {
      const saved = await updateArticle({
        actor: editor,
        articleId: article.id,
        input: { version: article.version, title: "Saved title", body: paragraphsToDoc(["Second words."]) },
      });
      expect(saved.version).toBe(article.version + 1);
      // Read-your-own-write: the newsroom reads the primary, right after the save.
      const mine = await prisma.article.findUniqueOrThrow({
        where: { id: article.id },
        select: { title: true, version: true },
      });
      expect(mine).toEqual({ title: "Saved title", version: article.version + 1 });
      // Reader reads (readFromReplica, as getPublishedArticle does) see the replica, which has not replayed the save yet.
      const reader = await readFromReplica(() =>
        prisma.article.findUniqueOrThrow({ where: { id: article.id }, select: { title: true } }),
      );
      expect(reader.title).toBe(oldTitle);
      // Inside readFromReplica, a transaction still reads the primary, and a write still works.
      const inTx = await readFromReplica(() =>
        prisma.$transaction((tx) =>
          tx.article.findUniqueOrThrow({ where: { id: article.id }, select: { title: true } }),
        ),
      );
      expect(inTx.title).toBe("Saved title");
      const written = await readFromReplica(() =>
        prisma.article.update({
          where: { id: article.id },
          data: { outlet: "Written via primary" },
          select: { outlet: true },
        }),
      );
      expect(written.outlet).toBe("Written via primary");
    } finally {
      await resumeReplay();
    }
    const readerTitle = async () =>
      (
        await readFromReplica(() =>
          prisma.article.findUniqueOrThrow({ where: { id: article.id }, select: { title: true } }),
        )
      ).title;
    const lagMs = await waitFor(async () => (await readerTitle()) === "Saved title", 20_000, "the replica to catch up");
    console.log(`replica caught up ${lagMs} ms after replay resumed`);
  });

  it("renders a reader page from the primary until the replica has replayed a publish this process heard of", async () => {
    const { prisma, readFromFreshReplica } = await import("@/lib/db");
    const { noteReaderLsn } = await import("@/lib/reader/reader-cache-state");
    const { buildArticle, buildUser } = await import("@/test/support/factories");
    const editor = await buildUser({ role: "editor" });
    const article = await buildArticle({ createdBy: editor, state: "published", paragraphs: ["Before."] });
    const title = () =>
      readFromFreshReplica(() =>
        prisma.article.findUniqueOrThrow({ where: { id: article.id }, select: { title: true } }),
      ).then((a) => a.title);
    await waitFor(async () => (await title()) === article.title, 20_000, "the article to reach the replica");
    await pauseReplay();
    try {
      await prisma.article.update({ where: { id: article.id }, data: { title: "Published while the replica lags" } });
      // Without a publish heard of, reader reads go to the (lagging) replica…
      expect(await title()).toBe(article.title);
      // …and once a publish has reported the primary's WAL position (revalidate-reader.ts does), to the primary.
      const lsn = (await prisma.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_insert_lsn()::text AS lsn`)[0]!.lsn;
      noteReaderLsn(lsn);
      expect(await title()).toBe("Published while the replica lags");
    } finally {
      await resumeReplay();
    }
    await waitFor(
      async () =>
        (await title()) === "Published while the replica lags" &&
        (await readFromFreshReplica(() => prisma.$queryRaw<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`))[0]!.r,
      20_000,
      "reader reads to return to the replica once it has replayed the publish",
    );
    // Back on the replica: a later change it has not replayed is not seen (no publish told us of it).
    await pauseReplay();
    try {
      await prisma.article.update({ where: { id: article.id }, data: { title: "Edited after, not published" } });
      expect(await title()).toBe("Published while the replica lags");
    } finally {
      await resumeReplay();
    }
  });

  it("searches the replica", async () => {
    const { prisma } = await import("@/lib/db");
    const { buildUser } = await import("@/test/support/factories");
    const { importSourceDocument } = await import("@/lib/services/sources/import-source-document");
    const { searchPassages } = await import("@/lib/services/search/search-passages");
    const editor = await buildUser({ role: "editor" });
    await pauseReplay();
    try {
      await importSourceDocument({
        actor: editor,
        input: {
          title: "Ops memo",
          kind: "report",
          text: "The quartermaster counted seventeen zeppelins over Vladivostok.",
          primary: true,
        },
      });
      expect(await prisma.passage.count({ where: { text: { contains: "zeppelins" } } })).toBe(1);
      const before = await searchPassages({ actor: editor, input: { q: "zeppelins" } });
      expect(before.results).toHaveLength(0);
    } finally {
      await resumeReplay();
    }
    await waitFor(
      async () => (await searchPassages({ actor: editor, input: { q: "zeppelins" } })).results.length === 1,
      20_000,
      "search on the replica to find the new passage",
    );
  });
});
