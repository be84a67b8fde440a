# Qafila service image: Node 20 runs the TypeScript sources with tsx.
FROM node:20-bookworm-slim
# whatsapp-web.js drives a browser: build with --build-arg WITH_CHROMIUM=true to use that channel.
ARG WITH_CHROMIUM=false
RUN if [ "$WITH_CHROMIUM" = "true" ]; then apt-get update && apt-get install -y --no-install-recommends chromium && rm -rf /var/lib/apt/lists/*; fi
WORKDIR /app
ENV NODE_ENV=production
ENV CHROMIUM_PATH=/usr/bin/chromium
# The linked WhatsApp session must be writable by the user the service runs as.
ENV WHATSAPP_WEB_SESSION_DIR=/home/node/wwebjs-session
# .puppeteerrc.cjs comes first: it stops puppeteer from downloading a browser during npm ci.
COPY package.json package-lock.json .puppeteerrc.cjs ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY migrations ./migrations
COPY locales ./locales
COPY seeds ./seeds
USER node
EXPOSE 3000
CMD ["npm", "start"]
