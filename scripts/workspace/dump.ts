// A whole workspace as one JSON document, and back. Generic over columns (each table's current
// non-generated columns, so a migration that adds a column needs no change here) but explicit
// about tables, in foreign-key order, and about secrets: password hashes and API tokens never
// leave the database. pg_dump remains the full-fidelity backup (README, "Backup and restore").
import type pg from "pg";

export const WORKSPACE_FORMAT = "sourcemark-workspace";
export const WORKSPACE_VERSION = 1;

/** Exported tables, parents before children, with the columns that must never be exported. */
export const EXPORTED_TABLES: { table: string; omit?: string[]; upsertKey?: string }[] = [
  { table: "users", omit: ["password_hash"] },
  // The migration inserts the default verdict set, so an empty database already has them.
  { table: "verdicts", upsertKey: "key" },
  { table: "articles" },
  { table: "source_documents" },
  { table: "passages" },
  { table: "claims" },
  { table: "evidence" },
  { table: "reviews" },
  { table: "comments" },
  { table: "article_snapshots" },
  { table: "audit_events" },
];

/**
 * Tables deliberately left out: bookkeeping, short-lived counters, per-person secrets (API tokens
 * are re-issued) and search's lexicon, which the passages' trigger rebuilds as they are imported.
 */
export const NOT_EXPORTED_TABLES = [
  "_prisma_migrations",
  "api_tokens",
  "rate_limits",
  "search_lexemes",
  "search_lexeme_deletions",
];

/** Tables whose rows make a database "not empty" for an import. */
const WORKSPACE_TABLES = ["users", "articles", "source_documents", "claims", "audit_events"];

export type WorkspaceTable = { columns: string[]; rows: Record<string, unknown>[] };
export type WorkspaceFile = {
  format: typeof WORKSPACE_FORMAT;
  version: number;
  exportedAt: string;
  migrations: string[];
  tables: Record<string, WorkspaceTable>;
};

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function columnsOf(db: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
     ORDER BY ordinal_position`,
    [table],
  );
  if (rows.length === 0) throw new Error(`Table ${table} does not exist: is the database migrated?`);
  return rows.map((r) => r.column_name);
}

async function primaryKeyOf(db: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await db.query<{ attname: string }>(
    `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
    [ident(table)],
  );
  return rows.map((r) => r.attname);
}

export async function appliedMigrations(db: pg.ClientBase): Promise<string[]> {
  const { rows } = await db.query<{ migration_name: string }>(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}

/** Reads every exported table in one repeatable-read snapshot, so the file is consistent. */
export async function exportWorkspace(db: pg.ClientBase): Promise<WorkspaceFile> {
  await db.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    await db.query("SET LOCAL TIME ZONE 'UTC'");
    const tables: Record<string, WorkspaceTable> = {};
    for (const { table, omit = [] } of EXPORTED_TABLES) {
      const columns = (await columnsOf(db, table)).filter((c) => !omit.includes(c));
      const order = (await primaryKeyOf(db, table)).map(ident).join(", ");
      const { rows } = await db.query<{ rows: Record<string, unknown>[] }>(
        `SELECT coalesce(json_agg(t ORDER BY ${order}), '[]'::json) AS rows FROM (SELECT ${columns.map(ident).join(", ")} FROM ${ident(table)}) t`,
      );
      tables[table] = { columns, rows: rows[0]!.rows };
    }
    const migrations = await appliedMigrations(db);
    await db.query("COMMIT");
    return {
      format: WORKSPACE_FORMAT,
      version: WORKSPACE_VERSION,
      exportedAt: new Date().toISOString(),
      migrations,
      tables,
    };
  } catch (error) {
    await db.query("ROLLBACK");
    throw error;
  }
}

export class WorkspaceImportError extends Error {}

/** Loads a workspace file into an empty, migrated database, all or nothing. */
export async function importWorkspace(db: pg.ClientBase, file: WorkspaceFile): Promise<Record<string, number>> {
  if (file.format !== WORKSPACE_FORMAT || file.version !== WORKSPACE_VERSION) {
    throw new WorkspaceImportError(`This is not a ${WORKSPACE_FORMAT} file of version ${WORKSPACE_VERSION}.`);
  }
  const applied = new Set(await appliedMigrations(db));
  const missing = file.migrations.filter((m) => !applied.has(m));
  if (missing.length > 0)
    throw new WorkspaceImportError(`Migrate the database first (npm run db:migrate); it lacks ${missing.join(", ")}.`);
  await db.query("BEGIN");
  try {
    await db.query("SET LOCAL TIME ZONE 'UTC'");
    for (const table of WORKSPACE_TABLES) {
      const { rows } = await db.query(`SELECT 1 FROM ${ident(table)} LIMIT 1`);
      if (rows.length > 0)
        throw new WorkspaceImportError(
          `The database is not empty (${table} has rows). Import only into a new, migrated database.`,
        );
    }
    const counts: Record<string, number> = {};
    for (const { table, upsertKey } of EXPORTED_TABLES) {
      const data = file.tables[table];
      if (!data) throw new WorkspaceImportError(`The file has no ${table} table.`);
      const known = new Set(await columnsOf(db, table));
      const unknown = data.columns.filter((c) => !known.has(c));
      if (unknown.length > 0)
        throw new WorkspaceImportError(`${table} in the file has columns this database lacks: ${unknown.join(", ")}.`);
      const cols = data.columns.map(ident).join(", ");
      // The file's set replaces the migration's defaults, so the round trip is exact.
      if (upsertKey)
        await db.query(`DELETE FROM ${ident(table)} WHERE NOT (${ident(upsertKey)} = ANY($1::text[]))`, [
          data.rows.map((r) => String(r[upsertKey])),
        ]);
      const conflict = upsertKey
        ? `ON CONFLICT (${ident(upsertKey)}) DO UPDATE SET ${data.columns
            .filter((c) => c !== upsertKey)
            .map((c) => `${ident(c)} = EXCLUDED.${ident(c)}`)
            .join(", ")}`
        : "";
      await db.query(
        `INSERT INTO ${ident(table)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${ident(table)}, $1::json) ${conflict}`,
        [JSON.stringify(data.rows)],
      );
      counts[table] = data.rows.length;
    }
    // Identity columns continue after the imported rows.
    await db.query(
      `SELECT setval(pg_get_serial_sequence('audit_events', 'id'), coalesce((SELECT max(id) FROM audit_events), 0) + 1, false)`,
    );
    await db.query("COMMIT");
    return counts;
  } catch (error) {
    await db.query("ROLLBACK");
    throw error;
  }
}
