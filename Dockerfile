# Qafila service image: Node 20 runs the TypeScript sources with tsx.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY migrations ./migrations
COPY locales ./locales
COPY seeds ./seeds
USER node
EXPOSE 3000
CMD ["npm", "start"]
