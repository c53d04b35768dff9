# One image for the api, the grading worker and the code runner (docker-compose.yml picks the command and the user:
# only the code runner starts as root, for the sandbox; the others run as `node`).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim
# The code runner's sandbox for candidate code: bubblewrap, prlimit/setpriv (util-linux) and Debian's python3.
RUN apt-get update && apt-get install -y --no-install-recommends bubblewrap python3 util-linux \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY rubrics ./rubrics
COPY prompts ./prompts
USER node
CMD ["node", "dist/apps/api/main.js"]
