import { expect, test } from "./fixtures";

// Load balancer and scraper endpoints, signed out, as the access walk sees them (e2e/routes.ts).
test("health answers without touching the database, readiness reports the database and migrations", async ({
  request,
}) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ ok: true });

  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  const body = await ready.json();
  expect(body).toMatchObject({ ready: true, database: "up", draining: false });
  expect(body.migrations.missing).toEqual([]);
  expect(body.migrations.expected).toBeGreaterThanOrEqual(2);
});

test("metrics are never served without their token", async ({ request }) => {
  for (const headers of [
    {} as Record<string, string>,
    { Authorization: "Bearer wrong-token" },
    { Authorization: "Basic YWRtaW46YWRtaW4=" },
  ]) {
    const response = await request.get("/api/metrics", { headers });
    expect([401, 404]).toContain(response.status());
    expect(await response.text()).not.toContain("sourcemark_http_request_duration_seconds");
  }
});
