// Traffic through the instances while PostgreSQL goes away and comes back (instances.ops-test.ts):
// readers and searches, an editor autosaving, pages, and a readiness probe on one instance, each
// recording every answer it got and when it asked.
import { randomUUID } from "node:crypto";
import { paragraphsToDoc } from "@/lib/editor/body";

export type Outcome = { status: number; ms: number; at: number };
/** A request with the test's session and time limit; status 0 means no answer in time. */
export type Timed = (url: string, init?: RequestInit) => Promise<Outcome & { body: unknown }>;

export const saveArticle = (timed: Timed, base: string, id: string, version: number, text: string) =>
  timed(`${base}/api/v1/articles/${id}`, {
    method: "PATCH",
    body: JSON.stringify({ version, body: paragraphsToDoc([text]) }),
  });

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function startOutageLoad(options: {
  base: string;
  article: { id: string; version: number };
  readyUrl: string;
  cookie: string;
  requestTimeoutMs: number;
  timed: Timed;
}) {
  const { base, article, timed } = options;
  const outcomes: (Outcome & { kind: string })[] = [];
  const readiness: { at: number; status: number }[] = [];
  const pageBodies: { path: string; status: number; at: number; body: string }[] = [];
  const saves = { version: article.version, acknowledged: 0, lastAcknowledged: "" };
  let running = true;

  const readers = Array.from({ length: 3 }, async () => {
    while (running) {
      outcomes.push({ kind: "read", ...(await timed(`${base}/api/v1/articles/${article.id}`)) });
      outcomes.push({ kind: "search", ...(await timed(`${base}/api/v1/search?q=version`)) });
      await pause(100);
    }
  });
  const editor = (async () => {
    for (let n = 1; running; n += 1) {
      const text = `Autosave number ${n}.`;
      const r = await saveArticle(timed, base, article.id, saves.version, text);
      outcomes.push({ kind: "save", ...r });
      if (r.status === 200) {
        saves.version = (r.body as { version: number }).version;
        saves.acknowledged += 1;
        saves.lastAcknowledged = text;
      } else if (r.status === 409) {
        // A save whose answer was lost may have landed: reload the version, as the editor does.
        const fresh = await timed(`${base}/api/v1/articles/${article.id}`);
        if (fresh.status === 200) saves.version = (fresh.body as { article: { version: number } }).article.version;
      }
      await pause(250);
    }
  })();
  // Pages, as the signed-in editor (the reader page renders the same for everyone).
  const pages = (async () => {
    while (running) {
      // A new /read address each time: an answered one (404 here) would be served from the cache.
      for (const path of ["/", `/articles/${article.id}`, "/review", `/read/${randomUUID()}`]) {
        const kind = `page ${path.split("/")[1] || "/"}`;
        const started = Date.now();
        try {
          const response = await fetch(`${base}${path}`, {
            headers: { Cookie: options.cookie },
            redirect: "manual",
            signal: AbortSignal.timeout(options.requestTimeoutMs),
          });
          const body = await response.text();
          // A /read address that names no article is a 404 while the database answers.
          const status = path.startsWith("/read/") && response.status === 404 ? 200 : response.status;
          outcomes.push({ kind, status, ms: Date.now() - started, at: started });
          pageBodies.push({ path, status: response.status, at: started, body });
        } catch {
          outcomes.push({ kind, status: 0, ms: Date.now() - started, at: started });
        }
      }
      await pause(200);
    }
  })();
  const probe = (async () => {
    while (running) {
      const r = await timed(options.readyUrl);
      readiness.push({ at: r.at, status: r.status });
      await pause(250);
    }
  })();

  return {
    /** Ends every loop once its request in flight has answered, and hands back what they saw. */
    async stop() {
      running = false;
      await Promise.all([...readers, editor, pages, probe]);
      return { outcomes, readiness, pageBodies, saves };
    },
  };
}
