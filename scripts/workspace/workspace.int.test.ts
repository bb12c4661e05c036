// Backup round trip: export → import into a fresh migrated database → export again → identical.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { buildArticle, buildUser, unique } from "@/test/support/factories";
import { migrate } from "../db/migrate.ts";
import {
  EXPORTED_TABLES,
  exportWorkspace,
  importWorkspace,
  NOT_EXPORTED_TABLES,
  WorkspaceImportError,
} from "./dump.ts";

const sourceUrl = process.env.DATABASE_URL!;
const freshName = `${new URL(sourceUrl).pathname.slice(1)}_ws_${randomUUID().slice(0, 8)}`;
const freshUrl = Object.assign(new URL(sourceUrl), { pathname: `/${freshName}` }).toString();
const admin = new pg.Client({ connectionString: sourceUrl });
const source = new pg.Client({ connectionString: sourceUrl });
const fresh = new pg.Client({ connectionString: freshUrl });
const SECRET_HASH = `argon-like-${randomUUID()}`;
const TOKEN_HASH = `sha-like-${randomUUID()}`;

async function seedEveryTable() {
  const editor = await buildUser({ role: "editor" });
  const reviewer = await buildUser({ role: "reviewer" });
  await prisma.user.update({ where: { id: editor.id }, data: { passwordHash: SECRET_HASH } });
  await prisma.apiToken.create({ data: { userId: editor.id, name: "ci", tokenHash: TOKEN_HASH, prefix: "smk_abcd" } });
  // Unpublished: its placeholder snapshot must not reach the public lists other tests read from this database.
  const article = await buildArticle({ createdBy: editor, state: "unpublished" });
  const first = await prisma.sourceDocument.create({
    data: {
      slug: unique("memcon"),
      title: "Memcon",
      kind: "memcon",
      primary: true,
      date: new Date("2001-06-16"),
      participants: ["Putin", "Bush"],
      text: "PUTIN: I am concerned about Pakistan.",
      contentHash: unique("h"),
      createdById: editor.id,
    },
  });
  const second = await prisma.sourceDocument.create({
    data: {
      slug: unique("memcon-v2"),
      title: "Memcon v2",
      kind: "memcon",
      text: "PUTIN: I am concerned about Pakistan.",
      contentHash: unique("h"),
      docVersion: 2,
      previousId: first.id,
      createdById: editor.id,
    },
  });
  const passage = await prisma.passage.create({
    data: {
      documentId: second.id,
      ordinal: 0,
      speaker: "Vladimir Putin",
      text: "I am concerned about Pakistan.",
      start: 7,
      end: 37,
      searchText: "i am concerned about pakistan",
    },
  });
  const claim = await prisma.claim.create({
    data: {
      articleId: article.id,
      kind: "quote",
      exact: "I am concerned about Pakistan.",
      start: 13,
      end: 43,
      speaker: "Vladimir Putin",
      verdictKey: "accurate",
      rationale: "Memcon, p. 3 — “verbatim” ✓",
      verdictById: editor.id,
      verdictAt: new Date(),
      quoteCheck: "verbatim",
      state: "approved",
      staleDetail: { before: "x", after: "y" },
      createdById: editor.id,
      approvedById: reviewer.id,
      approvedAt: new Date(),
    },
  });
  await prisma.evidence.create({
    data: {
      claimId: claim.id,
      passageId: passage.id,
      relation: "supports",
      exact: "I am concerned about Pakistan.",
      start: 0,
      end: 30,
      quoteCheck: "verbatim",
      quoteCheckDetail: { tokens: [1, 2] },
      createdById: editor.id,
    },
  });
  await prisma.review.create({
    data: { claimId: claim.id, reviewerId: reviewer.id, decision: "approve", snapshot: { exact: claim.exact } },
  });
  await prisma.comment.create({
    data: {
      articleId: article.id,
      claimId: claim.id,
      authorId: reviewer.id,
      body: "@editor looks right 👍",
      mentionIds: [editor.id],
    },
  });
  await prisma.articleSnapshot.create({
    data: {
      articleId: article.id,
      number: 1,
      articleVersion: 1,
      title: "T",
      body: { type: "doc" },
      bodyText: "t",
      content: { claims: [claim.id] },
      publishedById: editor.id,
    },
  });
  await prisma.auditEvent.create({
    data: {
      actorId: editor.id,
      action: "claim.approve",
      entityType: "claim",
      entityId: claim.id,
      before: { state: "in_review" },
      after: { state: "approved" },
    },
  });
}

beforeAll(async () => {
  await admin.connect();
  await admin.query(`CREATE DATABASE "${freshName}"`);
  await migrate(freshUrl);
  await source.connect();
  await fresh.connect();
  await seedEveryTable();
});

afterAll(async () => {
  await fresh.end();
  await source.end();
  await admin.query(`DROP DATABASE IF EXISTS "${freshName}" WITH (FORCE)`);
  await admin.end();
});

describe("workspace export and import", () => {
  it("round-trips a whole workspace exactly, without password hashes or API tokens", async () => {
    const exported = await exportWorkspace(source);
    for (const { table } of EXPORTED_TABLES) expect(exported.tables[table]!.rows.length, table).toBeGreaterThan(0);
    const text = JSON.stringify(exported);
    expect(text).not.toContain(SECRET_HASH);
    expect(text).not.toContain(TOKEN_HASH);
    expect(exported.tables.users!.columns).not.toContain("password_hash");
    expect(exported.tables).not.toHaveProperty("api_tokens");

    const counts = await importWorkspace(fresh, JSON.parse(text));
    expect(counts.claims).toBe(exported.tables.claims!.rows.length);
    const again = await exportWorkspace(fresh);
    expect(again.migrations).toEqual(exported.migrations);
    expect(again.tables).toEqual(exported.tables);

    // New audit events continue after the imported ones instead of colliding with them.
    const { rows } = await fresh.query<{ id: string }>(
      `INSERT INTO audit_events (action, entity_type, entity_id) VALUES ('probe', 'x', 'y') RETURNING id`,
    );
    const maxImported = Math.max(...exported.tables.audit_events!.rows.map((r) => Number(r.id)));
    expect(Number(rows[0]!.id)).toBeGreaterThan(maxImported);
  });

  it("refuses to import into a database that already holds a workspace, and changes nothing", async () => {
    const exported = await exportWorkspace(source);
    const before = await source.query<{ n: string }>("SELECT count(*) AS n FROM users");
    await expect(importWorkspace(source, exported)).rejects.toThrow(WorkspaceImportError);
    await expect(importWorkspace(source, exported)).rejects.toThrow(/not empty/);
    const after = await source.query<{ n: string }>("SELECT count(*) AS n FROM users");
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it("accounts for every table, so a new table cannot silently miss the backup", async () => {
    const { rows } = await source.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    const known = new Set([...EXPORTED_TABLES.map((t) => t.table), ...NOT_EXPORTED_TABLES]);
    expect(rows.map((r) => r.table_name).filter((t) => !known.has(t))).toEqual([]);
  });
});
