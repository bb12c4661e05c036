// Two production instances on one PostgreSQL behind nginx behave as one; a PostgreSQL restart
// under load fails requests fast with 503, the app recovers alone, and no acknowledged save is lost.
// Needs a production build (`npx next build`) and Debian's nginx.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { paragraphsToDoc } from "@/lib/editor/body";
import { migrate } from "../db/migrate.ts";
import { signIn, startInstance, startNginx, stopInstance, type Instance, type Nginx } from "./app-cluster.ts";
import { queryOne, startPrimary, waitFor, type Cluster } from "./pg-cluster.ts";

const PG_PORT = Number(process.env.OPS_APP_PG_PORT ?? 55410);
const PORTS = [Number(process.env.OPS_APP_PORT_A ?? 3261), Number(process.env.OPS_APP_PORT_B ?? 3262)] as const;
const NGINX_PORT = Number(process.env.OPS_NGINX_PORT ?? 8481);
/** No request may take longer than this, outage or not. */
const REQUEST_TIMEOUT_MS = 10_000;
const EMAIL = "ops-editor@sourcemark.test";
const PASSWORD = `ops-${randomUUID()}`;

let db: Cluster | undefined;
let instances: Instance[] = [];
let nginx: Nginx | undefined;
let cookie = "";

beforeAll(async () => {
  db = startPrimary("instances-pg", PG_PORT);
  await queryOne(db.url(), "CREATE DATABASE sourcemark");
  const url = db.url("sourcemark");
  await migrate(url);
  await queryOne(url, `INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES ($1, $2, 'Ops Editor', 'editor', $3, now())`, [randomUUID(), EMAIL, await hashPassword(PASSWORD)]);
  const env = {
    DATABASE_URL: url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: `http://127.0.0.1:${NGINX_PORT}`,
    METRICS_TOKEN: "ops-metrics-token",
    DATABASE_CONNECT_TIMEOUT_MS: "2000",
    READY_TIMEOUT_MS: "1500",
    DATABASE_POOL_SIZE: "5",
  };
  instances = await Promise.all(PORTS.map((port) => startInstance(port, env)));
  nginx = await startNginx(NGINX_PORT, [...PORTS]);
  cookie = await signIn(instances[0]!.url, EMAIL, PASSWORD);
});

afterAll(async () => {
  await nginx?.stop();
  await Promise.all(instances.map((i) => stopInstance(i)));
  db?.destroy();
});

type Outcome = { status: number; ms: number; at: number };

async function timed(url: string, init: RequestInit = {}): Promise<Outcome & { body: unknown }> {
  const started = Date.now();
  try {
    const response = await fetch(url, { ...init, headers: { Cookie: cookie, "Content-Type": "application/json", ...init.headers }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = await response.json().catch(() => null);
    return { status: response.status, ms: Date.now() - started, at: started, body };
  } catch {
    return { status: 0, ms: Date.now() - started, at: started, body: null }; // 0 = no answer in time
  }
}

async function createArticle(base: string, title: string) {
  const created = await timed(`${base}/api/v1/articles`, { method: "POST", body: JSON.stringify({ title, body: paragraphsToDoc(["Version one."]) }) });
  expect(created.status).toBe(201);
  return (created.body as { article: { id: string; version: number } }).article;
}

const save = (base: string, id: string, version: number, text: string) =>
  timed(`${base}/api/v1/articles/${id}`, { method: "PATCH", body: JSON.stringify({ version, body: paragraphsToDoc([text]) }) });

describe("two instances behind nginx", () => {
  it("share sessions: a cookie made on one instance works on the other", async () => {
    const [a, b] = instances;
    for (const base of [a!.url, b!.url, nginx!.url]) {
      const me = await timed(`${base}/api/v1/me`);
      expect(me.status, base).toBe(200);
      expect((me.body as { user: { email: string } }).user.email).toBe(EMAIL);
    }
  });

  it("see each other's saves: a conflict on one instance is refused by the other", async () => {
    const [a, b] = instances;
    const article = await createArticle(a!.url, "Conflict probe");
    expect((await save(a!.url, article.id, article.version, "Saved on A.")).status).toBe(200);
    const stale = await save(b!.url, article.id, article.version, "Saved on B from the old version.");
    expect(stale.status).toBe(409);
    const read = await timed(`${b!.url}/api/v1/articles/${article.id}`);
    expect((read.body as { article: { version: number } }).article.version).toBe(article.version + 1);
  });

  it("echo a request id (nginx's, or the caller's when well formed) and log it on the instance's lines", async () => {
    const made = (await fetch(`${nginx!.url}/api/v1/articles`, { headers: { Cookie: cookie } })).headers.get("x-request-id");
    expect(made).toMatch(/^[0-9a-f]{32}$/);
    const kept = (await fetch(`${nginx!.url}/api/v1/articles`, { headers: { Cookie: cookie, "X-Request-Id": "client-chosen-id-1" } })).headers.get("x-request-id");
    expect(kept).toBe("client-chosen-id-1");
    const replaced = (await fetch(`${nginx!.url}/api/v1/articles`, { headers: { Cookie: cookie, "X-Request-Id": "bad id <script>" } })).headers.get("x-request-id");
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    const logged = (id: string) => instances.some((i) => i.log.some((l) => l.includes(`"requestId":"${id}"`) && l.includes('"userId":"')));
    await waitFor(async () => logged(made!) && logged("client-chosen-id-1"), 5000, "the request lines in the logs");
    expect(instances.flatMap((i) => i.log).join("\n")).not.toContain(cookie.split("=")[1]!);
  });

  it("survive a PostgreSQL restart under load: fast 503s, recovery without help, no acknowledged save lost", async () => {
    const base = nginx!.url;
    const article = await createArticle(base, "Autosave under outage");
    const outcomes: { kind: string; status: number; ms: number; at: number }[] = [];
    const readiness: { at: number; status: number }[] = [];
    let running = true;
    let version = article.version;
    let acknowledged = 0;
    let lastAcknowledged = "";

    const readers = Array.from({ length: 3 }, async () => {
      while (running) {
        const r = await timed(`${base}/api/v1/articles/${article.id}`);
        outcomes.push({ kind: "read", ...r });
        const s = await timed(`${base}/api/v1/search?q=version`);
        outcomes.push({ kind: "search", ...s });
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    const editor = (async () => {
      for (let n = 1; running; n += 1) {
        const text = `Autosave number ${n}.`;
        const r = await save(base, article.id, version, text);
        outcomes.push({ kind: "save", ...r });
        if (r.status === 200) {
          version = (r.body as { version: number }).version;
          acknowledged += 1;
          lastAcknowledged = text;
        } else if (r.status === 409) {
          // A save whose answer was lost may have landed: reload the version, as the editor does.
          const fresh = await timed(`${base}/api/v1/articles/${article.id}`);
          if (fresh.status === 200) version = (fresh.body as { article: { version: number } }).article.version;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const probe = (async () => {
      while (running) {
        const r = await timed(`${instances[1]!.url}/api/ready`);
        readiness.push({ at: r.at, status: r.status });
        await new Promise((r) => setTimeout(r, 250));
      }
    })();

    await new Promise((r) => setTimeout(r, 3000));
    const downAt = Date.now();
    db!.stop();
    await new Promise((r) => setTimeout(r, 5000));
    db!.start();
    const upAt = Date.now();
    const recoveredInMs = await waitFor(async () => (await fetch(`${instances[1]!.url}/api/ready`)).status === 200, 60_000, "readiness after the restart");
    await new Promise((r) => setTimeout(r, 3000));
    running = false;
    await Promise.all([...readers, editor, probe]);

    // One more save after recovery must succeed and be the body the database holds.
    const final = await save(base, article.id, version, "Final save after recovery.");
    expect(final.status).toBe(200);
    acknowledged += 1;
    lastAcknowledged = "Final save after recovery.";
    const row = await queryOne<{ version: number; body_text: string }>(db!.url("sourcemark"), "SELECT version, body_text FROM articles WHERE id = $1", [article.id]);
    const updates = await queryOne<{ n: string }>(db!.url("sourcemark"), "SELECT count(*) AS n FROM audit_events WHERE entity_id = $1 AND action = 'article.update'", [article.id]);

    const during = outcomes.filter((o) => o.at >= downAt && o.at < upAt);
    const failedDuring = during.filter((o) => o.status !== 200);
    const statuses = (list: typeof outcomes) => Object.entries(list.reduce<Record<string, number>>((acc, o) => ({ ...acc, [`${o.kind} ${o.status}`]: (acc[`${o.kind} ${o.status}`] ?? 0) + 1 }), {}));
    const slowest = Math.max(...outcomes.map((o) => o.ms));
    const slowestFailure = Math.max(0, ...failedDuring.map((o) => o.ms));
    const readyDown = readiness.filter((r) => r.at >= downAt && r.at < upAt);
    console.log(
      JSON.stringify({
        requests: outcomes.length,
        duringOutage: statuses(during),
        overall: statuses(outcomes),
        slowestRequestMs: slowest,
        slowestFailureDuringOutageMs: slowestFailure,
        readinessDuringOutage: readyDown.map((r) => r.status),
        recoveredReadyMsAfterStart: recoveredInMs,
        acknowledgedSaves: acknowledged,
        auditedSaves: Number(updates.n),
        finalVersion: row.version,
      }),
    );

    expect(outcomes.filter((o) => o.status === 0)).toEqual([]); // nothing hung past the timeout
    expect(failedDuring.length).toBeGreaterThan(0); // the outage was real
    for (const o of failedDuring) expect([503], `${o.kind} during outage`).toContain(o.status);
    expect(readyDown.some((r) => r.status === 503)).toBe(true);
    expect(readiness.at(-1)!.status).toBe(200);
    // Every acknowledged save is in the database: one version step and one audit event each.
    expect(Number(updates.n)).toBeGreaterThanOrEqual(acknowledged);
    expect(row.version - article.version).toBeGreaterThanOrEqual(acknowledged);
    expect(row.body_text).toContain(lastAcknowledged);
  });

  it("stop one instance with SIGTERM while traffic flows: nginx moves on, no request fails", async () => {
    const outcomes: number[] = [];
    let running = true;
    const loop = (async () => {
      while (running) {
        outcomes.push((await timed(`${nginx!.url}/api/v1/me`)).status);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await new Promise((r) => setTimeout(r, 1000));
    const code = await stopInstance(instances[0]!);
    await new Promise((r) => setTimeout(r, 1500));
    running = false;
    await loop;
    console.log(JSON.stringify({ requestsDuringRollingStop: outcomes.length, nonOk: outcomes.filter((s) => s !== 200).length, exitCode: code }));
    expect(code).toBe(0);
    expect(outcomes.filter((s) => s !== 200)).toEqual([]);
    expect(instances[0]!.log.join("\n")).toContain("finishing requests in flight");
  });
});
