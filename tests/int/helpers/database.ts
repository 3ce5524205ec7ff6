import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { projectRoot } from '../../../runtime/paths'

/**
 * The machine's PostgreSQL; each test file gets a throwaway database, dropped afterwards. Booting Payload
 * and running every migration in each file cost seconds per file: a file gets a copy of a template database
 * migrated once (`CREATE DATABASE … TEMPLATE`), named after a hash of the migrations, so a changed migration
 * builds a new one. The app still runs its migrations on start: it finds them all applied.
 */
const adminUrl = () => process.env.KORRIGO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

const TEMPLATE_LOCK = 7_426_002
/** Templates another checkout (older migrations) may still use are left this long before they are dropped. */
const STALE_TEMPLATE_MS = 24 * 3600_000

const withClient = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: adminUrl() })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

const urlOf = (name: string): string => {
  const url = new URL(adminUrl())
  url.pathname = `/${name}`
  return url.toString()
}

const exists = async (client: pg.Client, name: string): Promise<boolean> =>
  (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1

const migrationsDir = path.join(projectRoot, 'migrations')

/** The template's name: a hash of every file in migrations/ (names and contents). */
export const templateName = (): string => {
  const hash = createHash('sha256')
  for (const file of fs.readdirSync(migrationsDir).sort()) {
    hash.update(file).update('\0').update(fs.readFileSync(path.join(migrationsDir, file))).update('\0')
  }
  return `korrigo_tpl_${hash.digest('hex').slice(0, 16)}`
}

/** Boots the app once against `url` in a child process (a clean Payload, its memory given back): migrations, Agenda's table. */
const migrate = (url: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-template-'))
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'tests/int/helpers/migrate-template.ts')], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: url, KORRIGO_DATA_DIR: dataDir, PAYLOAD_SECRET: 'test-template', LOG_LEVEL: 'warn', KORRIGO_DRAIN_MS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      fs.rmSync(dataDir, { recursive: true, force: true })
      if (code === 0) resolve()
      else reject(new Error(`migrating the test template database failed (exit ${code ?? signal}):\n${output.slice(-4000)}`))
    })
  })

let ensured: Promise<string> | undefined

/**
 * The migrated template, built if missing. Parallel test processes (and several checkouts on one machine)
 * build it once between them: an advisory lock, and a template only ever appears under its name complete.
 */
export const ensureTemplate = (): Promise<string> =>
  (ensured ??= (async () => {
    const name = templateName()
    const ready = await withClient((client) => exists(client, name))
    if (ready) return name
    await withClient(async (client) => {
      await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK])
      try {
        if (await exists(client, name)) return
        const building = `${name}_building`
        // Left by a run that died half-way (we hold the lock: nobody else is building it).
        await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`)
        await client.query(`CREATE DATABASE ${building}`)
        try {
          await migrate(urlOf(building))
          await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`)
        } catch (error) {
          await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`).catch(() => undefined)
          throw error
        }
        // Nobody connects to a template (a copy fails while someone is connected to its source).
        await client.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`)
        await client.query(`COMMENT ON DATABASE ${name} IS '${new Date().toISOString()}'`)
        await dropStaleTemplates(client, name)
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK])
      }
    })
    return name
  })().catch((error: unknown) => {
    ensured = undefined
    throw error
  }))

const dropStaleTemplates = async (client: pg.Client, keep: string): Promise<void> => {
  const { rows } = await client.query<{ datname: string; made: string | null }>(
    `SELECT datname, shobj_description(oid, 'pg_database') AS made FROM pg_database WHERE datname LIKE 'korrigo\\_tpl\\_%' AND datname <> $1`,
    [keep],
  )
  for (const { datname, made } of rows) {
    if (made && Date.now() - Date.parse(made) < STALE_TEMPLATE_MS) continue
    await client.query(`ALTER DATABASE ${datname} WITH IS_TEMPLATE false`).catch(() => undefined)
    await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined)
  }
}

export type TestDatabase = { url: string; name: string; drop: () => Promise<void> }

/**
 * A throwaway database: a copy of the migrated template, or an empty one with `migrated: false`
 * (what a newcomer's first start sees).
 */
export const createTestDatabase = async ({ migrated = true }: { migrated?: boolean } = {}): Promise<TestDatabase> => {
  const template = migrated ? await ensureTemplate() : undefined
  const name = `korrigo_test_${process.pid}_${randomBytes(3).toString('hex')}`
  await withClient((client) => client.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`))
  return {
    name,
    url: urlOf(name),
    drop: () =>
      withClient(async (client) => {
        // Connections still open are the test's own, closing: give them a moment before forcing them out.
        for (let attempt = 0; attempt < 10; attempt++) {
          const open = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name])
          if (open.rows[0].n === 0) break
          await new Promise((resolve) => setTimeout(resolve, 300))
        }
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      }),
  }
}
