# syntax=docker/dockerfile:1
# Every service's image from one recipe:  docker build --build-arg SERVICE=order-service .
# SERVICE is a workspace under apps/; docker-compose.yml builds all six this way (docs/docker.md).
#
#   manifests      package.json files and the lockfile only, so installs rerun only when they change
#   workspace      all dependencies and sources, Prisma clients generated (also runs the demo seed)
#   bundle         the service's processes bundled to dist/*.cjs, its migrations beside them
#   dependencies   the service's production dependencies, nothing else
#   runtime        Node.js, those dependencies and the bundle, as the unprivileged `node` user

ARG NODE_IMAGE=node:24-slim

FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY . .
RUN find . ! -type d ! -name package.json ! -name package-lock.json -delete \
 && find . -type d -empty -delete

FROM ${NODE_IMAGE} AS workspace
WORKDIR /app
ENV npm_config_update_notifier=false
COPY --from=manifests /app ./
# --ignore-scripts: the root postinstall would generate Prisma clients from schemas not copied yet
# (done below), and the `node` dev dependency would fetch a second Node.js.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run generate --workspaces --if-present

FROM workspace AS bundle
ARG SERVICE
RUN test -n "${SERVICE}" || { echo 'build with --build-arg SERVICE=<a workspace under apps/>' >&2; exit 1; }
RUN npx tsx infra/compose/bundle-service.ts "apps/${SERVICE}" /out/dist \
 && if [ -d "apps/${SERVICE}/prisma/migrations" ]; then \
      mkdir -p /out/prisma && cp -r "apps/${SERVICE}/prisma/migrations" /out/prisma/; \
    fi \
 && cp infra/compose/start-service.sh /out/

FROM ${NODE_IMAGE} AS dependencies
ARG SERVICE
WORKDIR /app
ENV npm_config_update_notifier=false
COPY --from=manifests /app ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --workspace "apps/${SERVICE}" \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ENV NODE_ENV=production
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=bundle /out ./
LABEL org.opencontainers.image.title="sneakers-${SERVICE}"
USER node
CMD ["./start-service.sh"]
