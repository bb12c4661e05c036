# syntax=docker/dockerfile:1
# Sourcemark as a container: Next.js standalone output run by scripts/serve.ts (request ids,
# metrics, graceful shutdown), as a non-root user, with a health check. See README,
# "Operating Sourcemark"; compose.yaml runs two of these behind nginx.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# postinstall generates the Prisma client from the schema, so these come before `npm ci`.
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma/schema.prisma prisma/
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# NEXT_OUTPUT=standalone turns on `output: "standalone"` in next.config.js for this build only.
ENV NEXT_OUTPUT=standalone NODE_ENV=production
RUN npx next build
# The custom server as one ES module beside Next's standalone tree; `next` itself stays external
# (the standalone tree ships it), everything else it needs is bundled in.
RUN npx esbuild scripts/serve.ts --bundle --platform=node --format=esm --target=node20 \
      --external:next --external:@opentelemetry/api \
      "--banner:js=import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" \
      --outfile=.next/standalone/serve.mjs

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    SOURCEMARK_APP_DIR=/app
RUN groupadd --system --gid 1001 sourcemark \
 && useradd --system --uid 1001 --gid sourcemark --no-create-home --shell /usr/sbin/nologin sourcemark
COPY --from=build --chown=sourcemark:sourcemark /app/.next/standalone ./
COPY --from=build --chown=sourcemark:sourcemark /app/.next/static ./.next/static
# /api/ready compares the applied migrations with the ones this image ships.
COPY --from=build --chown=sourcemark:sourcemark /app/prisma/migrations ./prisma/migrations
USER sourcemark
EXPOSE 3000
# Liveness only (no database): an orchestrator must not restart every instance during a database
# outage. Load balancers should route on /api/ready instead.
HEALTHCHECK --interval=15s --timeout=3s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# serve.mjs drains on SIGTERM (stop accepting, finish in-flight requests, exit) within
# SHUTDOWN_TIMEOUT_MS (25 s), inside Docker's default 10 s unless stop_grace_period is raised.
STOPSIGNAL SIGTERM
CMD ["node", "serve.mjs"]
