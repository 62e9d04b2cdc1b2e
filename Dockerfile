# syntax=docker/dockerfile:1.7
# One image for the API and the worker (docker-compose.yml picks the command). The repository runs its
# TypeScript through tsx, in production as in development, so the apps have no build step.
FROM node:20-bookworm-slim

WORKDIR /app
RUN chown node:node /app
USER node

COPY --chown=node:node . .
# tsx is a development dependency, so `npm ci` installs those too.
RUN --mount=type=cache,target=/home/node/.npm,uid=1000,gid=1000 npm ci --no-audit --no-fund

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    FAKTURO_DATA_DIR=/app/.data
EXPOSE 3000

# node itself, not `npm run start:api`: npm runs a script through `sh -c`, and dash neither execs the
# command nor passes SIGTERM on, so `docker stop` would never reach the server and nothing would shut
# down gracefully. This is the same program as `npm run start:api` (apps/api/src/main.ts through tsx).
CMD ["node", "--import", "tsx", "apps/api/src/main.ts"]
