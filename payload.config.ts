import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { en } from '@payloadcms/translations/languages/en'
import { fr } from '@payloadcms/translations/languages/fr'
import { buildConfig, type DatabaseAdapterObj } from 'payload'

import { Annotations, Copies, Exams, Grades, Media, ScanBatches, Students, Users } from './collections'
import { documentLocksForFormsOnly } from './collections/document-locks'
import { lockedAnswersLikeWrongPassword } from './collections/hooks/login-timing'
import { cleanupOldFiles } from './jobs/cleanup-old-files'
import { Locks } from './locks/collection'
import { RateCounters } from './runtime/shared-counters/collection'
import { korrigoPlugins } from './plugins'
import { jsonFieldsWithoutCdn } from './plugins/kit/jsonFields'
import { mailSettingsFromEnv } from './plugins/publication/lib/mail/settings'
import { smtpEmailAdapter } from './plugins/publication/services/smtpAdapter'
import { config } from './runtime/config'
import { databaseKindOf } from './runtime/database-url'
import { allowedOrigins } from './runtime/security-headers'
import { clientErrorsHook } from './runtime/with-errors'
import { checkPayloadVersions } from './storage/payload-versions'
import { fileStoragePlugin } from './storage/s3-plugin'
import { uploadCleanupPlugin } from './storage/upload-cleanup'
import { multipartUploadOptions } from './storage/upload-limits'
import { payloadSecret } from './runtime/secret'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// Before Payload starts: its version check, with the S3 adapter's lag allowed (storage/payload-versions.ts).
checkPayloadVersions()

/**
 * The adapter follows DATABASE_URL. The server resolves the embedded database before this file is
 * imported, so here an unset URL only happens at build time, where nothing connects. Both adapters are
 * imported statically: a top-level await here trips a V8 bug under Jest's VM modules.
 */
const databaseAdapter = (): DatabaseAdapterObj => {
  const url = config().DATABASE_URL ?? 'postgres://build-time-placeholder@127.0.0.1:1/none'
  if (databaseKindOf(url) === 'mongodb') return mongooseAdapter({ url })
  return postgresAdapter({
    // A request that cannot get a connection in 30 s fails (503-like) instead of queueing for ever.
    pool: { connectionString: url, max: config().KORRIGO_DB_POOL, connectionTimeoutMillis: 30_000 },
    // The committed migrations are the schema: never let dev mode push changes behind their back.
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
  })
}

/**
 * E-mail only when KORRIGO_SMTP_URL is set; otherwise Payload's console adapter logs instead of sending
 * and a publication queues no notification.
 */
const emailAdapter = () => {
  const settings = mailSettingsFromEnv(config())
  return settings ? smtpEmailAdapter(settings) : undefined
}

export default buildConfig({
  secret: payloadSecret(),
  serverURL: config().KORRIGO_PUBLIC_URL ?? '',
  admin: {
    user: Users.slug,
    meta: { titleSuffix: ' — Korrigo' },
    // Payload's default avatar is Gravatar: a request to the internet on every admin page.
    avatar: 'default',
    importMap: { baseDir: dirname },
  },
  routes: { admin: '/admin', api: '/api' },
  // Origins whose requests may use the staff cookie (Payload adds serverURL itself); runtime/security-headers.ts
  // also checks the Origin of every cookie-authenticated write, our own endpoints included.
  csrf: allowedOrigins(),
  collections: [Users, Students, Exams, ScanBatches, Copies, Grades, Annotations, Media, Locks, RateCounters],
  db: databaseAdapter(),
  email: emailAdapter(),
  i18n: { supportedLanguages: { fr, en }, fallbackLanguage: 'fr' },
  // Types are generated on purpose (`npm run generate:types`) and committed. Left on, every start outside
  // production spawns a generator that rewrites payload-types.ts: seconds of CPU per test file, and a file
  // rewritten under whoever is editing the schema.
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: false },
  // KORRIGO_MAX_UPLOAD_MB is the real limit of every multipart request; files stream to data/tmp (storage/upload-limits.ts).
  upload: multipartUploadOptions(),
  graphQL: { disablePlaygroundInProduction: true },
  // Database and file-system errors a request caused answer 4xx with what was wrong (runtime/with-errors.ts).
  hooks: { afterError: [clientErrorsHook, lockedAnswersLikeWrongPassword] },
  telemetry: false,
  custom: { korrigo: { jobs: [cleanupOldFiles] } },
  // Last: upload collections that plugins add get the rejected-upload cleanup, and S3 storage when configured, too.
  plugins: [...korrigoPlugins(), uploadCleanupPlugin(), fileStoragePlugin(), jsonFieldsWithoutCdn(), documentLocksForFormsOnly()],
})
