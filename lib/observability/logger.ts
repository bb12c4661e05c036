// Structured JSON logs, one object a line, on stdout. Every line written while a request runs
// carries its request id and, once known, its user id (see request-context.ts); nothing that looks
// like a secret is ever written (see redact.ts). No `server-only`: the custom server uses it too.
import pino, { type DestinationStream, type Logger } from "pino";
import { currentRequestContext } from "@/lib/observability/request-context";
import { redactValue, scrubText } from "@/lib/observability/redact";

export function createLogger(destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: "sourcemark", pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: "msg",
    mixin() {
      const context = currentRequestContext();
      return context ? { requestId: context.requestId, ...(context.userId ? { userId: context.userId } : {}) } : {};
    },
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => redactValue(object) as Record<string, unknown>,
    },
    hooks: {
      // Messages and interpolation arguments are scrubbed too: a secret can hide in any string.
      logMethod(args, method) {
        const cleaned = args.map((arg) => (typeof arg === "string" ? scrubText(arg) : arg));
        return method.apply(this, cleaned as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

const KEY = Symbol.for("sourcemark.logger");

/** The process's logger, shared by the custom server and the app's bundle. */
export function logger(): Logger {
  const holder = globalThis as Record<symbol, Logger | undefined>;
  holder[KEY] ??= createLogger();
  return holder[KEY];
}
