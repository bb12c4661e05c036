import "server-only";
import http from "node:http";
import https from "node:https";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, trustedProxyHops } from "@/lib/auth/client-address";

const PATCHED = Symbol.for("sourcemark.clientAddress");

/**
 * Next hands route handlers a Request without the socket, and fills X-Forwarded-For with the
 * socket's address only when the client sent none, so a handler cannot tell a real address
 * from a forged one. Every request the server receives is therefore stamped here, first, with
 * the client address worked out from the socket and TRUSTED_PROXY_HOPS, in a header of ours
 * that overwrites any the client sent.
 */
export function stampClientAddresses(): void {
  const hops = trustedProxyHops();
  // https: `next dev --experimental-https`.
  for (const server of [http.Server, https.Server])
    stamp(server.prototype as http.Server & { [PATCHED]?: boolean }, hops);
}

function stamp(proto: http.Server & { [PATCHED]?: boolean }, hops: number): void {
  if (Object.hasOwn(proto, PATCHED)) return;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(
        request.headers["x-forwarded-for"],
        request.socket?.remoteAddress,
        hops,
      );
    }
    return (emit as (event: string | symbol, ...args: unknown[]) => boolean).call(this, event, ...args);
  } as typeof proto.emit;
  proto[PATCHED] = true;
}
