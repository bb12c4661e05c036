// A page that fails while the database cannot be reached is answered 503 with a page that says so,
// not Next's 500 error page. Next renders an uncaught page error with status 500 and offers no way
// to choose another, so the production server holds back any 5xx page answer until it ends and
// then decides: the app marked the request (instrumentation.ts onRequestError saw a database
// error), or the database does not answer a one-second probe → 503 with Retry-After; else the
// held answer goes out as it was. API routes answer their own 503 (lib/http.ts) and pass untouched.
import type { IncomingMessage, ServerResponse } from "node:http";
import pg from "pg";
import type { RequestContext } from "../lib/observability/request-context.ts";

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sourcemark: try again in a moment</title>
<style>body{font-family:system-ui,sans-serif;background:#fafaf9;color:#1c1917;margin:0}main{max-width:36rem;margin:4rem auto;padding:0 1rem}h1{font-size:1.5rem}a{color:#1e40af}</style>
</head><body><main id="main">
<h1>The database is unavailable</h1>
<p>Sourcemark cannot reach its database right now, so this page cannot be shown. Nothing you saved is lost.</p>
<p>Try again shortly: <a href="">reload this page</a>.</p>
</main></body></html>
`;

async function databaseAnswers(): Promise<boolean> {
  const url = process.env.DATABASE_URL;
  if (!url) return true;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000, query_timeout: 1000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    void client.end().catch(() => undefined);
  }
}

type Chunk = { chunk: unknown; encoding?: BufferEncoding };

export function answerOutagesWith503(
  pathname: string,
  res: ServerResponse<IncomingMessage>,
  context: RequestContext,
): void {
  if (pathname.startsWith("/api/") || pathname.startsWith("/_next/static/")) return;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let held: { head: unknown[] | null; chunks: Chunk[] } | null = null;
  let decided = false;
  // The wrappers stay in place once decided (Next's compression wraps them in turn, so putting the
  // originals back would cut it out); they only pass through.
  const decide = (status: number) => {
    if (decided) return;
    decided = true;
    if (status >= 500) held = { head: null, chunks: [] };
  };
  const keep = (args: unknown[]) => {
    const [chunk, encoding] = args;
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function")
      held!.chunks.push({ chunk, encoding: typeof encoding === "string" ? (encoding as BufferEncoding) : undefined });
    const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
    callback?.();
  };
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    decide(status);
    if (!held) return writeHead(status, ...rest);
    res.statusCode = status;
    held.head = rest;
    return res;
  }) as ServerResponse["writeHead"];
  res.write = ((...args: unknown[]) => {
    decide(res.statusCode);
    if (!held) return write(...args);
    keep(args);
    return true;
  }) as ServerResponse["write"];
  res.end = ((...args: unknown[]) => {
    decide(res.statusCode);
    if (!held) return end(...args);
    keep(args);
    const answer = held;
    held = null;
    void (async () => {
      const outage = context.databaseUnavailable === true || !(await databaseAnswers());
      if (outage) {
        for (const name of [
          "content-length",
          "etag",
          "content-encoding",
          "x-nextjs-cache",
          "x-nextjs-prerender",
          "cache-control",
        ])
          res.removeHeader(name);
        writeHead(503, { "Content-Type": "text/html; charset=utf-8", "Retry-After": "5", "Cache-Control": "no-store" });
        end(PAGE);
        return;
      }
      if (answer.head) writeHead(res.statusCode, ...answer.head);
      for (const { chunk, encoding } of answer.chunks) write(chunk, encoding);
      end();
    })();
    return res;
  }) as ServerResponse["end"];
}
