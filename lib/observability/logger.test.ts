import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/observability/logger";
import { requestIdFrom, runWithRequestContext, setRequestUser } from "@/lib/observability/request-context";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { log: createLogger(stream), lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const PASSWORD = "sourcemark-editor-Pa55!";
const API_TOKEN = "smk_Zq3xV9yKp2LmN8rT4wQ1";
const SESSION = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..s3cr3t-jwe-payload";
const JWT_SECRET = "b64-nextauth-secret-value";

describe("logger", () => {
  it("never writes a password, token, cookie, Authorization header or secret, at any depth or in text", () => {
    const { log, lines } = capture();
    log.info({ email: "editor@sourcemark.test", password: PASSWORD }, "sign-in attempt");
    log.info(
      {
        body: {
          credentials: { password: PASSWORD },
          user: { newPassword: PASSWORD, passwordHash: "$argon2id$v=19$hash" },
        },
      },
      "nested",
    );
    log.info(
      {
        req: {
          headers: {
            authorization: `Bearer ${API_TOKEN}`,
            cookie: `next-auth.session-token=${SESSION}`,
            "x-request-id": "abc",
          },
        },
      },
      "headers",
    );
    log.warn({ token: API_TOKEN, tokenHash: "deadbeef", apiKey: API_TOKEN, NEXTAUTH_SECRET: JWT_SECRET }, "tokens");
    log.error(
      {
        err: new Error(`upstream said: Authorization: Bearer ${API_TOKEN}; cookie next-auth.session-token=${SESSION}`),
      },
      "failure",
    );
    log.error(`free text with ${API_TOKEN} and password=${PASSWORD} and postgresql://app:${PASSWORD}@db:5432/x`);
    log.info({ list: [{ password: PASSWORD }, `Bearer ${API_TOKEN}`] }, "arrays");
    const all = lines.join("\n");
    expect(lines).toHaveLength(7);
    for (const secret of [PASSWORD, API_TOKEN, SESSION, JWT_SECRET, "$argon2id$v=19$hash", "deadbeef"])
      expect(all).not.toContain(secret);
    // What is not secret is kept, so the lines are still useful.
    expect(all).toContain("editor@sourcemark.test");
    expect(all).toContain("upstream said");
    expect(all).toContain("[redacted]");
  });

  it("puts the request id and, once known, the user id on every line of a request", () => {
    const { log, parsed } = capture();
    runWithRequestContext({ requestId: "req-1" }, () => {
      log.info("before sign-in");
      setRequestUser("user-42");
      log.info({ detail: 1 }, "after sign-in");
    });
    log.info("outside any request");
    const [before, after, outside] = parsed();
    expect(before).toMatchObject({ requestId: "req-1", msg: "before sign-in", level: "info" });
    expect(before).not.toHaveProperty("userId");
    expect(after).toMatchObject({ requestId: "req-1", userId: "user-42", detail: 1 });
    expect(outside).not.toHaveProperty("requestId");
  });

  it("keeps the request id across awaits of concurrent requests", async () => {
    const { log, parsed } = capture();
    const tick = () => new Promise((r) => setTimeout(r, 1));
    await Promise.all(
      ["a", "b", "c"].map((id) =>
        runWithRequestContext({ requestId: id }, async () => {
          await tick();
          log.info({ id }, "step");
          await tick();
          log.info({ id }, "step");
        }),
      ),
    );
    for (const line of parsed()) expect(line.requestId).toBe(line.id);
  });
});

describe("requestIdFrom", () => {
  it("echoes a well-formed incoming id and replaces anything else", () => {
    expect(requestIdFrom("lb-7f3a.9:2")).toBe("lb-7f3a.9:2");
    expect(requestIdFrom(["first-id", "second"])).toBe("first-id");
    for (const bad of [undefined, null, "", "has space", "x".repeat(200), "line\nbreak", '"quoted"', "<script>"]) {
      const id = requestIdFrom(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
