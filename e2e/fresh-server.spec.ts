// The production server as `npm start` runs it (scripts/serve.ts), started fresh for this file on
// its own port against the e2e database: what a first visitor meets depends on which page touched
// the database first, which the shared e2e server (warmed by every other spec) cannot show.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { request as playwrightRequest } from "@playwright/test";
import { freePort } from "../scripts/start-check.ts";
import { DEMO, expect, signInWithApi, test } from "./fixtures";

const ROOT = path.resolve(import.meta.dirname, "..");
let server: ChildProcess | undefined;
let baseURL = "";
const output: string[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const port = await freePort();
  baseURL = `http://localhost:${port}`;
  server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NEXTAUTH_URL: baseURL, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [server.stdout!, server.stderr!])
    stream.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  // Bounded: 60 tries of half a second for the server to answer its health check.
  for (let i = 0; i < 60; i++) {
    const up = await fetch(`${baseURL}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the fresh server did not start:\n${output.join("")}`);
});

test.afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server!.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
});

test("a visitor who opens the front page first can then sign in (one database pool for every bundle)", async () => {
  const visitor = await playwrightRequest.newContext({ baseURL });
  // The front page reads published snapshots: it is the first thing to touch the database.
  expect((await visitor.get("/")).status()).toBe(200);
  expect((await visitor.get("/api/v1/search?q=Pakistan")).status()).toBe(401);
  // Sign-in counts attempts in the rate_limits table through the primary pool.
  expect(await signInWithApi(visitor, DEMO.editor.email, DEMO.editor.password)).toEqual({ ok: true, error: null });
  const me = await visitor.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect((await me.json()).user.email).toBe(DEMO.editor.email);
  expect(await signInWithApi(visitor, DEMO.editor.email, "not the password")).toEqual({
    ok: false,
    error: "CredentialsSignin",
  });
  await visitor.dispose();
  expect(output.join("")).not.toMatch(/TypeError|Cannot read properties/);
});

test("the server gives every answer a request id and stops cleanly on SIGTERM", async () => {
  const response = await fetch(`${baseURL}/api/health`, { headers: { "X-Request-Id": "fresh-server-check-0001" } });
  expect(response.headers.get("x-request-id")).toBe("fresh-server-check-0001");
  const exited = new Promise<number | null>((resolve) => server!.once("exit", (code) => resolve(code)));
  server!.kill("SIGTERM");
  expect(await exited).toBe(0);
  expect(output.join("")).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
});
