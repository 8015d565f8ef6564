# The bot's container image: built in one stage with every dependency, run in another with
# production dependencies only, as the unprivileged `node` user of the official image.
#   docker build -t school-improvement-bot .
#   docker run -p 3978:3978 --env-file .env -v sib-data:/app/data school-improvement-bot

FROM node:24-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.ts scripts/
COPY bot bot/
COPY dialogs dialogs/
COPY domain domain/
COPY cards cards/
COPY storage storage/
COPY data data/
COPY web web/
RUN npm run build

FROM node:24-bookworm-slim AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    PORT=3978 \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=production-dependencies /app/node_modules node_modules/
COPY --from=build /src/dist dist/
COPY package.json ./
RUN mkdir -p /app/data && chown node:node /app/data
USER node
# The embedded store's records (STORE=lowdb); unused with STORE=azure-blob.
VOLUME ["/app/data"]
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# As `npm start` runs it (package.json), without npm's own process: the flag keeps V8's young
# generation small, which roughly halves the idle memory the bot holds beyond the framework's
# (README, "Memory"); test/production/startCommand.test.ts keeps the two alike.
CMD ["node", "--max-semi-space-size=2", "dist/bot/start.js"]
