// Two production instances on one PostgreSQL behind nginx behave as one; a PostgreSQL restart
// under load fails requests fast with 503, the app recovers alone, and no acknowledged save is lost.
// Needs a production build (`npx next build`) and Debian's nginx.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { paragraphsToDoc } from "@/lib/editor/body";
import { migrate } from "../db/migrate.ts";
import { freePort } from "../start-check.ts";
import {
  signIn,
  startInstance,
  startNginx,
  stopInstance,
  trySignIn,
  type Instance,
  type Nginx,
} from "./app-cluster.ts";
import { saveArticle, startOutageLoad, type Timed } from "./outage-load.ts";
import { queryOne, startPrimary, waitFor, type Cluster } from "./pg-cluster.ts";

// Free ports unless given: fixed ones collide with whatever else runs on a shared machine.
const PG_PORT = Number(process.env.OPS_APP_PG_PORT ?? (await freePort()));
const PORTS = [
  Number(process.env.OPS_APP_PORT_A ?? (await freePort())),
  Number(process.env.OPS_APP_PORT_B ?? (await freePort())),
] as const;
const NGINX_PORT = Number(process.env.OPS_NGINX_PORT ?? (await freePort()));
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
  await queryOne(
    url,
    `INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES ($1, $2, 'Ops Editor', 'editor', $3, now())`,
    [randomUUID(), EMAIL, await hashPassword(PASSWORD)],
  );
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

const timed: Timed = async (url, init = {}) => {
  const started = Date.now();
  try {
    const response = await fetch(url, {
      ...init,
      headers: { Cookie: cookie, "Content-Type": "application/json", ...init.headers },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = await response.json().catch(() => null);
    return { status: response.status, ms: Date.now() - started, at: started, body };
  } catch {
    return { status: 0, ms: Date.now() - started, at: started, body: null }; // 0 = no answer in time
  }
};

async function createArticle(base: string, title: string) {
  const created = await timed(`${base}/api/v1/articles`, {
    method: "POST",
    body: JSON.stringify({ title, body: paragraphsToDoc(["Version one."]) }),
  });
  expect(created.status).toBe(201);
  return (created.body as { article: { id: string; version: number } }).article;
}

const save = (base: string, id: string, version: number, text: string) => saveArticle(timed, base, id, version, text);

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

  it("count wrong passwords in one shared limit: alternated over both instances and nginx, the 11th is refused whichever answers", async () => {
    const [a, b] = instances;
    const email = `limit-${randomUUID().slice(0, 8)}@sourcemark.test`;
    await queryOne(
      db!.url("sourcemark"),
      `INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES ($1, $2, 'Limit Target', 'reviewer', $3, now())`,
      [randomUUID(), email, await hashPassword("the right password 123")],
    );
    // Every attempt reaches the app from 127.0.0.1 (directly or through nginx), so all 13 count
    // against one account-and-client pair: 10 allowed, then refused, on A, B and nginx alike.
    const bases = [a!.url, b!.url, nginx!.url];
    const answers: { via: string; error: string | null }[] = [];
    for (let i = 0; i < 13; i += 1) {
      const base = bases[i % 3]!;
      answers.push({
        via: base === a!.url ? "A" : base === b!.url ? "B" : "nginx",
        error: await trySignIn(base, email, `wrong-${i}`),
      });
    }
    const right = {
      A: await trySignIn(a!.url, email, "the right password 123"),
      B: await trySignIn(b!.url, email, "the right password 123"),
    };
    const rows = await queryOne<{ n: string }>(
      db!.url("sourcemark"),
      "SELECT count(*) AS n FROM rate_limits WHERE key LIKE $1",
      [`%${email}%`],
    );
    console.log(
      JSON.stringify({
        signInAttempts: answers.map((x, i) => `${i + 1}:${x.via}:${x.error}`),
        rightPasswordInsideWindow: right,
        rateLimitRows: Number(rows.n),
      }),
    );
    expect(answers.slice(0, 10).map((x) => x.error)).toEqual(Array(10).fill("CredentialsSignin"));
    expect(answers.slice(10).map((x) => x.error)).toEqual(["RateLimited", "RateLimited", "RateLimited"]);
    expect(new Set(answers.slice(10).map((x) => x.via))).toEqual(new Set(["A", "B", "nginx"])); // refused by each
    expect(right).toEqual({ A: "RateLimited", B: "RateLimited" });
    expect(Number(rows.n)).toBeGreaterThan(0);
  });

  it("show a publish on one instance to readers of the other at once (their cached page is replaced)", async () => {
    const [a, b] = instances;
    const article = await createArticle(a!.url, "Cross-instance fact-check, first edition");
    const marked = await timed(`${a!.url}/api/v1/articles/${article.id}/claims`, {
      method: "POST",
      body: JSON.stringify({ version: article.version, claim: { kind: "other", speaker: null }, start: 0, end: 12 }),
    });
    expect(marked.status).toBe(201);
    const claimId = (marked.body as { claim: { id: string } }).claim.id;
    // The review workflow has its own tests; here the claim is simply made approved in the database.
    await queryOne(
      db!.url("sourcemark"),
      "UPDATE claims SET state = 'approved', verdict_key = 'accurate', approved_at = now() WHERE id = $1",
      [claimId],
    );
    expect((await timed(`${a!.url}/api/v1/articles/${article.id}/publication`, { method: "POST" })).status).toBe(201);

    const page = async (base: string) => {
      const response = await fetch(`${base}/read/${article.id}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      return { status: response.status, cache: response.headers.get("x-nextjs-cache"), html: await response.text() };
    };
    expect((await page(b!.url)).html).toContain("first edition");
    const cached = await page(b!.url);
    expect(cached.cache).toBe("HIT"); // B serves its own cached copy from now on
    expect(cached.html).toContain("first edition");

    const current = (await timed(`${a!.url}/api/v1/articles/${article.id}`)).body as { article: { version: number } };
    expect(
      (
        await timed(`${a!.url}/api/v1/articles/${article.id}`, {
          method: "PATCH",
          body: JSON.stringify({
            version: current.article.version,
            title: "Cross-instance fact-check, second edition",
          }),
        })
      ).status,
    ).toBe(200);
    const update = await timed(`${a!.url}/api/v1/articles/${article.id}/publication`, { method: "POST" });
    expect(update.status).toBe(201);
    // The very next request to B, with no pause, shows snapshot #2.
    const after = await page(b!.url);
    const viaNginx = [await page(nginx!.url), await page(nginx!.url)];
    console.log(
      JSON.stringify({
        readerOnB: { beforeUpdate: cached.cache, afterUpdate: after.cache },
        viaNginx: viaNginx.map((p) => p.cache),
      }),
    );
    expect(after.status).toBe(200);
    expect(after.html).toContain("second edition");
    expect(after.html).not.toContain("first edition");
    for (const p of viaNginx) expect(p.html).toContain("second edition");

    expect((await timed(`${a!.url}/api/v1/articles/${article.id}/publication`, { method: "DELETE" })).status).toBe(200);
    expect((await page(b!.url)).status).toBe(404);
  });

  it("echo a request id (nginx's, or the caller's when well formed) and log it on the instance's lines", async () => {
    const made = (await fetch(`${nginx!.url}/api/v1/articles`, { headers: { Cookie: cookie } })).headers.get(
      "x-request-id",
    );
    expect(made).toMatch(/^[0-9a-f]{32}$/);
    const kept = (
      await fetch(`${nginx!.url}/api/v1/articles`, {
        headers: { Cookie: cookie, "X-Request-Id": "client-chosen-id-1" },
      })
    ).headers.get("x-request-id");
    expect(kept).toBe("client-chosen-id-1");
    const replaced = (
      await fetch(`${nginx!.url}/api/v1/articles`, { headers: { Cookie: cookie, "X-Request-Id": "bad id <script>" } })
    ).headers.get("x-request-id");
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    const logged = (id: string) =>
      instances.some((i) => i.log.some((l) => l.includes(`"requestId":"${id}"`) && l.includes('"userId":"')));
    await waitFor(async () => logged(made!) && logged("client-chosen-id-1"), 5000, "the request lines in the logs");
    expect(instances.flatMap((i) => i.log).join("\n")).not.toContain(cookie.split("=")[1]!);
  });

  it("survive a PostgreSQL restart under load: fast 503s, recovery without help, no acknowledged save lost", async () => {
    const base = nginx!.url;
    const article = await createArticle(base, "Autosave under outage");
    const load = startOutageLoad({
      base,
      article,
      readyUrl: `${instances[1]!.url}/api/ready`,
      cookie,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      timed,
    });

    await new Promise((r) => setTimeout(r, 3000));
    const downAt = Date.now();
    db!.stop();
    console.log(`t+${Date.now() - downAt} ms: PostgreSQL stopped`);
    await new Promise((r) => setTimeout(r, 5000));
    db!.start();
    const upAt = Date.now();
    console.log(`t+${upAt - downAt} ms: PostgreSQL started`);
    const recoveredInMs = await waitFor(
      async () => (await fetch(`${instances[1]!.url}/api/ready`, { signal: AbortSignal.timeout(5000) })).status === 200,
      60_000,
      "readiness after the restart",
    );
    console.log(`t+${Date.now() - downAt} ms: ready again`);
    await new Promise((r) => setTimeout(r, 3000));
    const { outcomes, readiness, pageBodies, saves } = await load.stop();
    console.log(`t+${Date.now() - downAt} ms: loops ended`);
    let { acknowledged } = saves;

    // One more save after recovery must succeed and be the body the database holds.
    const final = await save(base, article.id, saves.version, "Final save after recovery.");
    expect(final.status).toBe(200);
    acknowledged += 1;
    const lastAcknowledged = "Final save after recovery.";
    const row = await queryOne<{ version: number; body_text: string }>(
      db!.url("sourcemark"),
      "SELECT version, body_text FROM articles WHERE id = $1",
      [article.id],
    );
    const updates = await queryOne<{ n: string }>(
      db!.url("sourcemark"),
      "SELECT count(*) AS n FROM audit_events WHERE entity_id = $1 AND action = 'article.update'",
      [article.id],
    );

    const during = outcomes.filter((o) => o.at >= downAt && o.at < upAt);
    const failedDuring = during.filter((o) => o.status !== 200);
    const statuses = (list: typeof outcomes) =>
      Object.entries(
        list.reduce<Record<string, number>>(
          (acc, o) => ({ ...acc, [`${o.kind} ${o.status}`]: (acc[`${o.kind} ${o.status}`] ?? 0) + 1 }),
          {},
        ),
      );
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
    // Pages during the outage: the designed 503 page, never a 500 or a stack trace.
    const pagesDown = pageBodies.filter((p) => p.at >= downAt && p.at < upAt && p.status !== 200 && p.status !== 404);
    expect(pagesDown.length).toBeGreaterThan(0);
    for (const p of pagesDown) {
      expect(p.status, p.path).toBe(503);
      expect(p.body, p.path).toContain("The database is unavailable");
    }
    for (const p of pageBodies) expect(p.body, p.path).not.toMatch(/\n\s+at .+:\d+:\d+/);
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
    console.log(
      JSON.stringify({
        requestsDuringRollingStop: outcomes.length,
        nonOk: outcomes.filter((s) => s !== 200).length,
        exitCode: code,
      }),
    );
    expect(code).toBe(0);
    expect(outcomes.filter((s) => s !== 200)).toEqual([]);
    expect(instances[0]!.log.join("\n")).toContain("finishing requests in flight");
  });
});
