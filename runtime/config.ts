import { databaseKindOf } from './database-url'
import { ConfigError } from './errors'

/**
 * Every environment variable Korrigo reads, in one place, typed and checked once. Adding one is one entry
 * below and one row in README's configuration table (tests/unit/config/readme.test.ts compares the two).
 * An empty value counts as unset (`VAR=` in a compose file).
 */
type Parse<T> = (raw: string) => T
type Variable<T> = { parse: Parse<T>; fallback: T }

/** Thrown by a parser with what it expected; readConfig names the variable and the value. */
class Expected extends Error {}
const expected = (what: string): never => {
  throw new Expected(what)
}

const withDefault = <T>(parse: Parse<T>, fallback: T): Variable<T> => ({ parse, fallback })
const optional = <T>(parse: Parse<T>): Variable<T | undefined> => ({ parse, fallback: undefined })

const number =
  ({ min = -Infinity, max = Infinity, integer = false }: { min?: number; max?: number; integer?: boolean } = {}): Parse<number> =>
  (raw) => {
    const value = Number(raw.trim())
    if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
      const range = max === Infinity ? `${min} or more` : `from ${min} to ${max}`
      expected(`${integer ? 'a whole number' : 'a number'} ${range}`)
    }
    return value
  }
const positive = (options: { integer?: boolean } = {}) => number({ min: Number.MIN_VALUE, ...options })
const count = (min = 1, max = Infinity) => number({ min, max, integer: true })
const port = count(1, 65_535)
const text: Parse<string> = (raw) => raw
const oneOf =
  <T extends string>(...values: T[]): Parse<T> =>
  (raw) =>
    values.includes(raw as T) ? (raw as T) : expected(`one of ${values.join(', ')}`)
/** A comma-separated list of names (`a,b`); the names themselves are checked by their reader. */
const names: Parse<string[]> = (raw) => {
  const list = raw.split(',').map((name) => name.trim()).filter(Boolean)
  return list.length ? list : expected('names separated by commas')
}
const flag: Parse<boolean> = (raw) => (/^(true|1|yes|on)$/i.test(raw) ? true : /^(false|0|no|off)$/i.test(raw) ? false : expected('true or false'))
const url =
  (...protocols: string[]): Parse<string> =>
  (raw) => {
    let parsed: URL | undefined
    try {
      parsed = new URL(raw)
    } catch {
      parsed = undefined
    }
    return parsed && protocols.includes(parsed.protocol) ? raw : expected(`a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`)
  }
/** A day of the year, `MM-DD` (e.g. `08-31`). */
const monthDay: Parse<string> = (raw) => {
  const match = /^(\d{2})-(\d{2})$/.exec(raw.trim())
  const [month, day] = match ? [Number(match[1]), Number(match[2])] : [0, 0]
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2024, month, 0)).getUTCDate() ? raw.trim() : expected('a day as MM-DD, e.g. 08-31')
}
/** A size as Express reads it: `2mb`, `500kb`, or bytes. */
const size: Parse<string> = (raw) => (/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i.test(raw.trim()) ? raw.trim() : expected('a size such as 2mb, 500kb or a number of bytes'))
const databaseUrl: Parse<string> = (raw) => {
  try {
    databaseKindOf(raw)
  } catch {
    expected('postgres://…, postgresql://… or mongodb://… (unset: the embedded PostgreSQL)')
  }
  return raw
}

export const variables = {
  DATABASE_URL: optional(databaseUrl),
  PORT: withDefault(port, 3000),
  HOST: withDefault(text, '0.0.0.0'),
  NODE_ENV: optional(text),
  PAYLOAD_SECRET: optional(text),
  KORRIGO_DATA_DIR: withDefault(text, 'data'),
  KORRIGO_PG_PORT: withDefault(port, 54329),
  KORRIGO_PG_DIR: optional(text),
  KORRIGO_DB_POOL: withDefault(count(1, 1000), 10),
  KORRIGO_WORKER: withDefault(oneOf('in-process', 'external'), 'in-process'),
  KORRIGO_JOBS: optional(names),
  KORRIGO_ADMIN: withDefault(oneOf('on', 'off'), 'on'),
  KORRIGO_DRAIN_MS: withDefault(count(0), 30_000),
  KORRIGO_MAX_UPLOAD_MB: withDefault(positive(), 500),
  KORRIGO_MAX_PAGES: withDefault(count(), 2000),
  KORRIGO_MAX_PAGE_MEGAPIXELS: withDefault(positive(), 150),
  KORRIGO_MAX_PAGE_DECOMPRESSED_MB: withDefault(positive(), 256),
  KORRIGO_PAGE_TIMEOUT_SECONDS: withDefault(positive(), 20),
  KORRIGO_SCAN_CHECK_SECONDS: withDefault(positive(), 30),
  KORRIGO_SCAN_SLICE_PAGES: withDefault(count(), 20),
  KORRIGO_SCAN_SLICE_SECONDS: withDefault(positive(), 15),
  KORRIGO_SCAN_LANES: withDefault(count(1), 1),
  KORRIGO_IDENTIFY_LANES: withDefault(count(1), 1),
  KORRIGO_ROSTER_MAX_MB: withDefault(positive(), 5),
  KORRIGO_ROSTER_MAX_ROWS: withDefault(count(), 5000),
  KORRIGO_JSON_MAX_MB: withDefault(positive(), 10),
  KORRIGO_GRAPHQL_MAX_BODY: withDefault(size, '2mb'),
  KORRIGO_SCHOOL_YEAR_END: withDefault(monthDay, '08-31'),
  KORRIGO_RETENTION_DAY: withDefault(monthDay, '10-31'),
  KORRIGO_TMP_MAX_AGE_HOURS: withDefault(positive(), 24),
  KORRIGO_SCAN_LOCK_MS: withDefault(count(1000), 120_000),
  KORRIGO_REDACTION_DPI: withDefault(number({ min: 72, max: 600 }), 200),
  KORRIGO_LATTICE_STRETCH: withDefault(number({ min: 0.5, max: 4 }), 1.5),
  KORRIGO_PUBLIC_URL: optional(url('http:', 'https:')),
  KORRIGO_S3_BUCKET: optional(text),
  KORRIGO_S3_ENDPOINT: optional(url('http:', 'https:')),
  KORRIGO_S3_REGION: withDefault(text, 'us-east-1'),
  KORRIGO_S3_ACCESS_KEY_ID: optional(text),
  KORRIGO_S3_SECRET_ACCESS_KEY: optional(text),
  KORRIGO_S3_FORCE_PATH_STYLE: optional(flag),
  KORRIGO_TRUST_PROXY: withDefault(flag, false),
  KORRIGO_LOGIN_RATE_PER_MINUTE: withDefault(count(), 30),
  KORRIGO_METRICS_TOKEN: optional(text),
  KORRIGO_SMTP_URL: optional(url('smtp:', 'smtps:')),
  KORRIGO_MAIL_FROM: optional(text),
  KORRIGO_STUDENT_MAX_ATTEMPTS: withDefault(count(), 5),
  KORRIGO_STUDENT_LOCK_MINUTES: withDefault(positive(), 15),
  KORRIGO_STUDENT_SESSION_MINUTES: withDefault(positive(), 60),
  KORRIGO_STUDENT_SIGNIN_RATE_PER_MINUTE: withDefault(count(), 20),
  LOG_LEVEL: optional(oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent')),
} satisfies Record<string, Variable<unknown>>

type Variables = typeof variables
export type Config = { readonly [K in keyof Variables]: Variables[K]['fallback'] }

/** Reads and checks every variable; all the wrong ones are named in one error. */
export const readConfig = (env: Record<string, string | undefined> = process.env): Config => {
  const values: Record<string, unknown> = {}
  const problems: string[] = []
  for (const [name, variable] of Object.entries(variables) as [string, Variable<unknown>][]) {
    const raw = env[name]
    if (raw === undefined || raw === '') {
      values[name] = variable.fallback
      continue
    }
    try {
      values[name] = variable.parse(raw)
    } catch (error) {
      if (!(error instanceof Expected)) throw error
      problems.push(`${name}=${JSON.stringify(raw.length > 80 ? `${raw.slice(0, 80)}…` : raw)}: expected ${error.message}`)
    }
  }
  if (problems.length)
    throw new ConfigError(`Invalid configuration (see README, Configuration):\n  ${problems.join('\n  ')}`, { variables: problems.map((p) => p.split('=')[0]) })
  return Object.freeze(values) as Config
}

/**
 * Payload's own switch, written, not read: its start-up version check is replaced by storage/payload-versions.ts
 * (which allows the S3 adapter's lag). Here because the environment is touched in this file only.
 */
export const disablePayloadDependencyCheck = (): void => {
  process.env.PAYLOAD_DISABLE_DEPENDENCY_CHECKER = 'true'
}

let current: Config | undefined

/** The configuration, read from the environment on first use. */
export const config = (): Config => (current ??= readConfig())

/** Read the environment again on next use: a test that changes it, or the start-up once it knows the database. */
export const resetConfig = (): void => {
  current = undefined
}
