// "Nothing written on a 4xx", checked in the database the e2e server uses. Other specs write
// to it at the same time, so the fingerprint covers only what the fuzz suite's own users can
// have written: their audit events (every write records one, in the same transaction), every
// row they created (any table with created_by_id, found in the catalog, so new tables count
// too) and their own user rows. Signed out, it is the audit events without an actor.
import { createHash } from "node:crypto";
import pg from "pg";

export type Fingerprint = string;

export class FuzzDatabase {
  private client: pg.Client;
  private tables: string[] = [];

  constructor(url = process.env.DATABASE_URL) {
    if (!url) throw new Error("The fuzz suite needs DATABASE_URL (npm run test:e2e sets it to the e2e database).");
    this.client = new pg.Client({ connectionString: url });
  }

  async connect(): Promise<void> {
    await this.client.connect();
    const { rows } = await this.client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'created_by_id' ORDER BY table_name",
    );
    this.tables = rows.map((r) => r.table_name);
  }

  async fingerprint(actorIds: string[]): Promise<Fingerprint> {
    const hash = createHash("sha256");
    const audit = actorIds.length
      ? await this.client.query("SELECT count(*)::text AS n FROM audit_events WHERE actor_id = ANY($1)", [actorIds])
      : await this.client.query("SELECT count(*)::text AS n FROM audit_events WHERE actor_id IS NULL");
    hash.update(`audit:${audit.rows[0].n}\n`);
    for (const table of this.tables) {
      const { rows } = await this.client.query(
        `SELECT count(*)::text AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS h FROM ${this.client.escapeIdentifier(table)} t WHERE created_by_id = ANY($1)`,
        [actorIds],
      );
      hash.update(`${table}:${rows[0].n}:${rows[0].h}\n`);
    }
    const users = await this.client.query(
      "SELECT coalesce(md5(string_agg(u::text, '|' ORDER BY u.id)), '') AS h FROM users u WHERE id = ANY($1)",
      [actorIds],
    );
    hash.update(`users:${users.rows[0].h}\n`);
    return hash.digest("hex");
  }

  async end(): Promise<void> {
    await this.client.end();
  }
}
