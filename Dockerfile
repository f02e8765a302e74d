# syntax=docker/dockerfile:1
# Production image: `docker compose up -d` (see docs/deployment.md).
# Needs at run time: DATABASE_URL, NEXTAUTH_URL, NEXTAUTH_SECRET, FIELD_ENCRYPTION_KEY, FIELD_HASH_KEY.
# Nothing is downloaded at run time; the build needs the npm registry (or a mirror, see NPM_CONFIG_REGISTRY).

FROM node:20-bookworm-slim AS base
ENV NEXT_TELEMETRY_DISABLED=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends openssl ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app

# ---- deps: the full dependency tree, install scripts limited to package.json "allowScripts" ----------
FROM base AS deps
# e.g. --build-arg NPM_CONFIG_REGISTRY=https://registry.npmmirror.com when building inside China.
ARG NPM_CONFIG_REGISTRY
# The image's bundled npm 10 ignores "allowScripts" and would run every dependency's install script;
# the npm that wrote package-lock.json honours the allow-list.
RUN npm install -g npm@11.19.1 && npm --version
# The root postinstall runs `prisma generate`, which needs the schema and the Prisma config.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma prisma/schema.prisma
# `npm ci` rejects a lockfile that lacks other platforms' optional binaries (@next/swc-*, oxide, unrs),
# which happens when it was written against a registry mirror without them; `npm install` then keeps
# every locked version and resolves only those optional packages.
RUN npm ci --no-audit --no-fund \
 || { echo "npm ci rejected package-lock.json; falling back to npm install" >&2; npm install --no-audit --no-fund; }

# ---- build: generated client, standalone Next.js server, then drop dev dependencies ------------------
FROM deps AS build
COPY . .
RUN npm run db:generate
RUN NEXT_OUTPUT_STANDALONE=1 npm run build
# The runtime keeps the production node_modules so that scripts/ (migrate, seed) run with tsx; the
# optional folders are created so the COPY lines below never depend on what exists in the checkout.
RUN npm prune --omit=dev --no-audit --no-fund \
 && mkdir -p public tests/factories

# ---- runtime ---------------------------------------------------------------------------------------------
FROM base AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0
# Production dependencies first, then the standalone server on top (its traced node_modules is a subset
# of the same lockfile), then the static assets the standalone output leaves out.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
# What `tsx scripts/migrate.ts` and `tsx scripts/seed.ts` read: the scripts, the SQL migrations, the
# TypeScript sources they import (including lib/generated) and the "@/*" path alias.
COPY --from=build /app/package.json /app/tsconfig.json ./
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/lib ./lib
COPY --from=build /app/tests/factories ./tests/factories
# Code stays root-owned and read-only for the server; only Next's cache directory is writable.
# Uploaded document photos go to a volume (docker-compose.yml), never into the image or public/.
RUN mkdir -p .next/cache /data/uploads && chown node:node .next/cache /data/uploads && chmod 700 /data/uploads
ENV UPLOAD_DIR=/data/uploads
USER node

EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Migrations first (idempotent, serialised by an advisory lock), then the server; `exec` hands PID 1
# to node so that `docker stop` reaches it. Override the command to run one-off scripts instead.
CMD ["sh", "-c", "node_modules/.bin/tsx scripts/migrate.ts && exec node server.js"]
