# The app and the worker share this image; docker-compose.yml picks the command.
FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 ONNXRUNTIME_NODE_INSTALL=skip
# glibc gives every thread that allocates its own malloc arenas; the analysis threads (mupdf, sharp) leave them
# fragmented. Two arenas: a 2,000-page batch ends with the worker at 1,090 MB instead of 1,330 (README, Several machines).
ENV MALLOC_ARENA_MAX=2
# Fonts with French accents for the annotated PDFs; ca-certificates for S3/SMTP over TLS; the handwriting
# fonts the paper generator writes with (the CI's list), so `korrigo demo` runs in the image.
COPY .ci/apt-packages.txt /tmp/apt-packages.txt
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates fonts-dejavu-core $(grep '^fonts-' /tmp/apt-packages.txt) && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm install --include=dev
COPY . .
RUN npx next build && npx vite build --config portal/vite.config.ts
EXPOSE 3000
# Runs as the unprivileged "node" user: the embedded database is never used in this image (DATABASE_URL is set).
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
CMD ["node", "--import", "tsx", "server.ts"]
