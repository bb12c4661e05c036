import { requireApiActor } from "@/lib/auth/require-api-actor";
import { route } from "@/lib/http";
import { auditQuotes, type QuoteAuditProgress } from "@/lib/services/quote-audit/audit-quotes";

type Context = { params: Promise<{ id: string }> };

/**
 * Runs the quote audit and streams it as NDJSON: a `start` line with the number of quotations,
 * one `quotation` line per quotation checked, then a `done` line with every proposal (or an
 * `error` line). Refusals (401, 403, 404) come before the stream, as ordinary JSON errors.
 */
export const POST = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const { id } = await params;
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => void (open = false),
  });
  const send = (line: unknown) => {
    if (open) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
  };
  const close = () => {
    if (open) controller.close();
    open = false;
  };

  const begun = new Promise<void>((resolve, reject) => {
    let started = false;
    const onProgress = (event: QuoteAuditProgress) => {
      if (event.type === "start") {
        started = true;
        resolve();
      }
      send(event);
    };
    auditQuotes({ actor, articleId: id, onProgress, signal: request.signal })
      .then((audit) => send({ type: "done", ...audit }))
      .catch((error: unknown) => {
        // Before the first line the route answers with a status; after it, with an error line.
        if (!started) return reject(error);
        if (request.signal.aborted) return;
        console.error(error);
        send({
          type: "error",
          message: "The quote check stopped before the end. Try again; if it keeps failing, tell an admin.",
        });
      })
      .finally(close);
  });
  await begun;
  return new Response(body, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    },
  });
});
