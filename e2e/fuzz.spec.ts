// The fuzz suite: reads the OpenAPI document, walks app/ for the route handlers and pages it
// does not describe, and drives every one of them with hostile values (fast-check) as each role,
// asserting: never a 5xx, never a stack trace, nothing written when the answer is a 4xx.
// A fixed seed and a bounded count run in `npm test`; a longer run is one command:
//   FUZZ_RUNS=2000 npm run test:fuzz        (FUZZ_SEED=n to replay a printed seed)
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { DEMO, expect, signInWithApi, test } from "./fixtures";
import { FuzzDatabase } from "./fuzz/database";
import { apiOperations, pagePatterns, type OpenApiDocument } from "./fuzz/operations";
import { buildRequest, caseArbitrary, send, type FuzzCase, type Target } from "./fuzz/requests";
import { appRoutes } from "./routes";

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const PAGE_RUNS = Math.max(1, Math.round(RUNS / 3));
const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
const ROLES = ["admin", "editor", "reviewer", "signed out"] as const;
type Role = (typeof ROLES)[number];

type World = {
  contexts: Record<Role, APIRequestContext>;
  actorIds: Record<Role, string[]>;
  ownedIds: string[];
  allIds: string[];
  operations: Target[];
  pages: Target[];
  db: FuzzDatabase;
};
let world: World;

function collectIds(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) collectIds(item, into);
  else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if ((key === "id" || key === "slug") && typeof child === "string") into.add(child);
      else collectIds(child, into);
    }
  }
}

async function signedIn(email: string, password: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
  expect(await signInWithApi(context, email, password), `sign in ${email}`).toEqual({ ok: true, error: null });
  return context;
}

test.describe.configure({ mode: "default" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const admin = await signedIn(DEMO.admin.email, DEMO.admin.password);
  // The suite's own accounts, one per role, so that what it may have written can be told apart
  // from what other specs write at the same time.
  const contexts = { "signed out": await playwrightRequest.newContext({ baseURL: BASE_URL }) } as Record<
    Role,
    APIRequestContext
  >;
  const actorIds = { "signed out": [] } as unknown as Record<Role, string[]>;
  for (const role of ["admin", "editor", "reviewer"] as const) {
    const email = `fuzz-${role}-${randomUUID().slice(0, 8)}@sourcemark.test`;
    const password = `fuzz password ${randomUUID()}`;
    const created = await admin.post("/api/v1/users", { data: { email, name: `Fuzz ${role}`, role, password } });
    expect(created.status(), await created.text()).toBe(201);
    actorIds[role] = [(await created.json()).user.id];
    contexts[role] = await signedIn(email, password);
  }
  // Rows the suite's editor owns: the only ones a write may be aimed at, so that a fuzzed write
  // that succeeds never touches the demo data other specs rely on.
  const editor = contexts.editor;
  const owned = new Set<string>();
  const text = "Putin said: “We have a complex history.” Bush agreed.";
  const article = await editor.post("/api/v1/articles", {
    data: {
      title: "Fuzz article",
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
    },
  });
  expect(article.status()).toBe(201);
  const { id: articleId, version } = (await article.json()).article;
  const quote = "We have a complex history.";
  const claim = await editor.post(`/api/v1/articles/${articleId}/claims`, {
    data: {
      version,
      claim: { kind: "quote", speaker: "Vladimir Putin" },
      start: text.indexOf(quote),
      end: text.indexOf(quote) + quote.length,
    },
  });
  expect(claim.status(), await claim.text()).toBe(201);
  // Unique words: the same text twice is refused as a duplicate.
  const source = await editor.post("/api/v1/sources", {
    data: {
      title: "Fuzz source",
      kind: "report",
      primary: false,
      text: `PUTIN: First passage ${randomUUID()}.\n\nBUSH: Second passage, longer than the first one.`,
    },
  });
  expect(source.status(), await source.text()).toBe(201);
  for (const path of [`/api/v1/articles/${articleId}`, `/api/v1/sources/${(await source.json()).source.id}`])
    collectIds(await (await editor.get(path)).json(), owned);
  const doc = (await (await admin.get("/api/openapi.json")).json()) as OpenApiDocument;
  const routes = appRoutes();
  const operations = apiOperations(doc, routes);
  // Anything readable: ids from every list the admin can read, for GETs.
  const all = new Set(owned);
  for (const op of operations.filter((o) => o.method === "GET" && o.pathParams.length === 0)) {
    const response = await admin.get(op.pattern);
    if (response.ok()) collectIds(await response.json().catch(() => null), all);
  }
  await admin.dispose();
  const db = new FuzzDatabase();
  await db.connect();
  world = {
    contexts,
    actorIds,
    ownedIds: [...owned],
    allIds: [...all],
    operations,
    pages: pagePatterns(routes).map((p) => ({ ...p, method: "GET", query: [] })),
    db,
  };
});

test.afterAll(async () => {
  for (const context of Object.values(world?.contexts ?? {})) await context.dispose();
  await world?.db.end();
});

test("the fuzz suite finds every operation and page to drive", () => {
  const described = world.operations.map((o) => `${o.method} ${o.pattern}`);
  expect(described).toEqual(
    expect.arrayContaining([
      "POST /api/v1/articles",
      "PATCH /api/v1/claims/{id}",
      "GET /api/v1/search",
      "POST /api/v1/sources/import",
      "GET /api/v1/me",
    ]),
  );
  expect(world.pages.map((p) => p.pattern)).toEqual(
    expect.arrayContaining(["/read/[id]", "/articles/[id]", "/sources/[slug]"]),
  );
  expect(world.ownedIds.length).toBeGreaterThanOrEqual(4);
});

for (const role of ROLES) {
  test(`hostile input as ${role}: never a 5xx, never a stack trace, nothing written on a 4xx`, async () => {
    test.setTimeout(Math.max(90_000, (RUNS + PAGE_RUNS) * 1_500));
    const context = world.contexts[role];
    const actors = world.actorIds[role];
    let sent = 0;
    const statuses: Record<string, number> = {};
    const check = async (target: Target, c: FuzzCase, page: boolean) => {
      const ids = target.method === "GET" ? world.allIds : world.ownedIds;
      const built = buildRequest(target, c, ids, page);
      const before = await world.db.fingerprint(actors);
      const { status, problem } = await send(context, built);
      sent++;
      statuses[`${Math.floor(status / 100)}xx`] = (statuses[`${Math.floor(status / 100)}xx`] ?? 0) + 1;
      const where = `${built.method} ${built.url.slice(0, 200)} (${built.describe})`;
      if (problem) throw new Error(`${where} ${problem}`);
      if (status >= 400 && (await world.db.fingerprint(actors)) !== before)
        throw new Error(`${where} answered ${status} but wrote to the database`);
    };
    const settings = { seed: SEED, numRuns: RUNS, endOnFailure: true };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...world.operations), caseArbitrary, (op, c) => check(op, c, false)),
      settings,
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...world.pages), caseArbitrary, (p, c) => check(p, c, true)),
      { ...settings, numRuns: PAGE_RUNS },
    );
    console.log(
      `fuzz (${role}): seed ${SEED}, ${RUNS} API + ${PAGE_RUNS} page requests over ${world.operations.length} operations and ${world.pages.length} pages; answers ${JSON.stringify(statuses)}`,
    );
    expect(sent).toBe(RUNS + PAGE_RUNS);
  });
}
