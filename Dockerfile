# Qafila service image: Node 20 runs the TypeScript sources with tsx's loader.

# The web console is built apart, with the dev dependencies (vite, preact); only web/dist is kept.
FROM node:20-bookworm-slim AS console
WORKDIR /build
COPY package.json package-lock.json .puppeteerrc.cjs ./
RUN npm ci --no-audit --no-fund
COPY web ./web
# The form validates with the campaign file's schema, and the sign-in page reads the API's types.
COPY src ./src
RUN npm run build:web

FROM node:20-bookworm-slim
# whatsapp-web.js drives a browser: build with WITH_CHROMIUM=true (docker-compose.yml passes it) to use that channel.
ARG WITH_CHROMIUM=false
RUN if [ "$WITH_CHROMIUM" = "true" ]; then apt-get update && apt-get install -y --no-install-recommends chromium && rm -rf /var/lib/apt/lists/*; fi
WORKDIR /app
ENV NODE_ENV=production
ENV CHROMIUM_PATH=/usr/bin/chromium
# The linked WhatsApp session and whatsapp-web.js' cache: one folder the service's user owns, kept on a volume.
ENV WHATSAPP_WEB_SESSION_DIR=/home/node/state/whatsapp-web
RUN mkdir -p /home/node/state/whatsapp-web && chown -R node:node /home/node/state
# .puppeteerrc.cjs comes first: it stops puppeteer from downloading a browser during npm ci.
COPY package.json package-lock.json .puppeteerrc.cjs ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY src ./src
COPY migrations ./migrations
COPY locales ./locales
COPY seeds ./seeds
COPY --from=console /build/web/dist ./web/dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=4s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node itself is the container's process, so `docker stop`'s SIGTERM reaches the service's shutdown.
CMD ["node", "--import", "tsx", "src/main.ts"]
