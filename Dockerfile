# syntax=docker/dockerfile:1
#
# Oversight API / worker image. One image, two entry points:
#   API (+ workers unless WORKERS_ENABLED=false):  node dist/src/main.js   (default CMD)
#   workers only (health + metrics over HTTP):     node dist/src/worker.js
#
# Base image: pinned to the Node minor line the project is developed and tested
# on (Node 20.20, package.json "engines" >=20.19) on Debian 12 "bookworm", the
# same distribution as the dev/CI machines. The minor tag still receives Node
# patch releases and Debian security updates on rebuild; to freeze a release
# build completely, replace the tag with its digest (node:20.20-bookworm-slim@sha256:...).
# "-slim" keeps the image small: no curl, no compilers (hence the node-based
# HEALTHCHECK below, and build tools only in a throw-away stage).
ARG NODE_IMAGE=node:20.20-bookworm-slim

# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS base
WORKDIR /app
# No npm chatter, no install-time telemetry (@scarf/scarf is a transitive dependency).
ENV npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false \
    SCARF_ANALYTICS=false

# ---------------------------------------------------------------------------
# deps: every dependency (dev included) needed to compile. Install scripts are
# skipped: the compile step (tsc via nest build) loads no native module, so
# argon2, @swc/core and friends need not build or fetch anything here.
FROM base AS deps
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts

# ---------------------------------------------------------------------------
# build: nest build -> dist/src/main.js, dist/src/worker.js, dist/migrations/*; vite build -> dist/console
# (the staff console, served by the API at /console). Only what the compilers need is copied, so unrelated
# edits keep the cache.
FROM deps AS build
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY migrations ./migrations
COPY console ./console
RUN npm run build

# ---------------------------------------------------------------------------
# prod-deps: production dependencies only, with install scripts.
# argon2 ships prebuilt binaries and node-gyp-build loads them in a test
# process at install time; only if that prebuilt binary does not load here
# does it fall back to compiling from source (it did on a bookworm + Node 20.20
# dev machine). The compilers for that fallback live in this stage only and
# never reach the runtime image. npm_config_nodedir points node-gyp at the
# headers that ship inside the Node image, so a fallback build needs no
# download.
FROM base AS prod-deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm_config_nodedir=/usr/local npm ci --omit=dev \
 && npm cache clean --force
# Fail the image build, not the first login, if the native password hasher is unusable.
RUN node -e "require('argon2').hash('image-build-smoke-test').then(() => console.log('argon2 OK'))"

# ---------------------------------------------------------------------------
FROM base AS runtime
# HOST: the app listens on 127.0.0.1 by default; in a container it must listen
# on all interfaces to be reachable through published ports.
# With NODE_ENV=production the app refuses to start without JWT_SECRET,
# PII_ENCRYPTION_KEYS and AUDIT_SIGNING_KEY, or their *_FILE variables (it
# never generates them; docker-compose.yml has them made into files by
# dist/src/commands/init-secrets.js).
# MALLOC_MMAP_THRESHOLD_: a fixed threshold stops glibc from raising it after
# each argon2id hash (19 MiB), so those buffers are unmapped when freed instead
# of being kept per threadpool thread (~19 MiB RSS each; see README, Reliability).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    NODE_OPTIONS=--enable-source-maps \
    MALLOC_MMAP_THRESHOLD_=131072
# package.json is needed at run time: its "type": "module" makes Node load
# dist/**/*.js as ES modules. Files stay root-owned and read-only for the app user.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The writable paths: var/ (e.g. MAIL_OUTBOX_DIR=var/mail when SMTP_URL is empty), and
# /run/secrets/oversight and /run/secrets/database, where docker-compose.yml mounts its `secrets` and
# `database-secrets` volumes: an empty
# named volume takes the owner and mode of the image directory it is first mounted on,
# so the one-shot `secrets` service can write the generated secrets there as `node`.
RUN mkdir -p var /run/secrets/oversight /run/secrets/database \
 && chown node:node var /run/secrets/oversight /run/secrets/database \
 && chmod 0750 /run/secrets/oversight /run/secrets/database
# Unprivileged user that the official Node image provides (uid 1000).
USER node
EXPOSE 3000
# The slim image has no curl: Node's global fetch probes readiness (PostgreSQL
# and Redis answer) on $PORT, so the same check serves the worker (PORT=3001).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
