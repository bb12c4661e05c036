// The production server: Next.js's request handler inside a small Node HTTP server that gives every
// request an id (X-Request-Id in and out, on every log line), times it by route for /api/metrics,
// and on SIGTERM/SIGINT stops accepting, finishes the requests in flight, and exits.
// `npm start` runs it; `node --import tsx scripts/serve.ts` runs it directly (PORT, HOST).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import next from "next";
import { logger } from "../lib/observability/logger.ts";
import { metrics } from "../lib/observability/metrics.ts";
import { requestIdFrom, runWithRequestContext, type RequestContext } from "../lib/observability/request-context.ts";
import { answerOutagesWith503 } from "./serve-outage.ts";
import { loadRouteLabeler } from "./serve-routes.ts";

const dir = process.env.SOURCEMARK_APP_DIR ?? path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 25_000);
const QUIET_ROUTES = new Set(["/api/health", "/api/ready", "/api/metrics"]);
const DRAINING = Symbol.for("sourcemark.draining");
const log = logger();

// In a standalone build (the container image) there is no next.config.js beside the app: the
// build wrote the resolved config into required-server-files.json, as Next's own server.js reads it.
function standaloneConfig(): Record<string, unknown> | undefined {
  if (existsSync(path.join(dir, "next.config.js"))) return undefined;
  const file = path.join(dir, ".next", "required-server-files.json");
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as { config: Record<string, unknown> }).config
    : undefined;
}

async function main() {
  if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" });
  const conf = standaloneConfig();
  const app = next({ dev: false, dir, hostname: host, port, ...(conf ? { conf } : {}) });
  const handle = app.getRequestHandler();
  await app.prepare();
  const label = loadRouteLabeler(dir);
  const { httpDuration } = metrics();
  let inFlight = 0;
  let draining = false;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    // One context object per request: the app adds the user id to it once it knows who asks.
    const context: RequestContext = { requestId };
    req.headers["x-request-id"] = requestId;
    res.setHeader("X-Request-Id", requestId);
    // While draining, each answer closes its connection so keep-alive clients reconnect elsewhere.
    if (draining) res.setHeader("Connection", "close");
    const started = process.hrtime.bigint();
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    const route = label(pathname);
    inFlight += 1;
    res.once("close", () => {
      inFlight -= 1;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = res.headersSent ? res.statusCode : 499;
      httpDuration.observe({ method: req.method ?? "GET", route, status: String(status) }, seconds);
      runWithRequestContext(context, () => {
        // The query string is left out: it can carry callback tokens.
        const line = { method: req.method, route, path: pathname, status, durationMs: Math.round(seconds * 1000) };
        if (QUIET_ROUTES.has(route) && status < 500) log.debug(line, "request");
        else log.info(line, "request");
      });
    });
    answerOutagesWith503(pathname, res, context);
    runWithRequestContext(context, () => {
      handle(req, res).catch((error: unknown) => {
        log.error({ err: error }, "request handler failed");
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ error: { code: "internal", message: "Something went wrong on our side." } }));
      });
    });
  });
  server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT_MS ?? 65_000);

  const shutdown = (signal: NodeJS.Signals) => {
    if (draining) return;
    draining = true;
    (globalThis as Record<symbol, unknown>)[DRAINING] = true;
    log.info({ signal, inFlight }, "shutting down: no new connections, finishing requests in flight");
    server.close();
    server.closeIdleConnections();
    const started = Date.now();
    const finish = (code: number) => {
      log.info({ code, waitedMs: Date.now() - started }, "stopped");
      process.exit(code);
    };
    setInterval(() => {
      if (inFlight === 0) finish(0);
      else if (Date.now() - started > shutdownTimeoutMs) {
        log.warn({ inFlight }, `requests still running after ${shutdownTimeoutMs} ms; closing them`);
        server.closeAllConnections();
        finish(1);
      }
    }, 50);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  log.info({ port, host }, `listening on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, "the server could not start");
  process.exit(1);
});
