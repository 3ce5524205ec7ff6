import { execFileSync, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { resetConfig } from '../../runtime/config'
import { resolveDatabase } from '../../runtime/database'
import { runningPostgresOn, startEmbeddedPostgres } from '../../runtime/embedded-postgres'
import { freePort } from '../e2e/helpers/processes'

let port: number
beforeAll(async () => {
  port = await freePort()
})

const query = async (url: string, sql: string, params: unknown[] = []) => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows
  } finally {
    await client.end()
  }
}

describe('embedded PostgreSQL', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-embedded-'))
  // mkdtemp makes a 0700 folder; as root, Postgres runs as "postgres" and must be able to walk into it.
  fs.chmodSync(dataDir, 0o755)
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('initialises, keeps data across restarts and recovers from a stale postmaster.pid', async () => {
    const first = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port })
    await query(first.url, 'CREATE TABLE kept (v text)')
    await query(first.url, 'INSERT INTO kept VALUES ($1)', ['élève'])
    await first.stop()

    // What a SIGKILL leaves behind: a pid file naming a process that is not our Postgres.
    const sleeper = spawn('sleep', ['30'])
    fs.writeFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), `${sleeper.pid}\n${path.join(dataDir, 'pg')}\n`)
    try {
      const second = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port })
      expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'élève' }])
      await second.stop()
    } finally {
      sleeper.kill()
    }
  })

  it('is waited for, never replaced, when another process finds it running but slow to answer', async () => {
    const owner = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port })
    const pid = runningPostgresOn(path.join(dataDir, 'pg'))!
    const saved = { DATABASE_URL: process.env.DATABASE_URL, KORRIGO_PG_DIR: process.env.KORRIGO_PG_DIR, KORRIGO_PG_PORT: process.env.KORRIGO_PG_PORT }
    Object.assign(process.env, { KORRIGO_PG_DIR: path.join(dataDir, 'pg'), KORRIGO_PG_PORT: String(port) })
    delete process.env.DATABASE_URL
    resetConfig()
    // A server that does not answer for a few seconds, as on a machine busy with OCR and browsers: a worker
    // starting then took it for an orphan, stopped it and started its own under the app.
    process.kill(pid, 'SIGSTOP')
    const resuming = setTimeout(() => process.kill(pid, 'SIGCONT'), 4_000)
    try {
      const resolved = await resolveDatabase()
      expect(resolved.stop).toBeUndefined()
      expect(runningPostgresOn(path.join(dataDir, 'pg'))).toBe(pid)
      expect(await query(resolved.url, 'SELECT v FROM kept')).toEqual([{ v: 'élève' }])
    } finally {
      clearTimeout(resuming)
      process.kill(pid, 'SIGCONT')
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
      resetConfig()
      await owner.stop()
    }
  }, 120_000)

  it('leaves no server running after stop', async () => {
    const db = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port })
    await db.stop()
    await expect(query(db.url, 'SELECT 1')).rejects.toThrow()
  })
})

// Only a folder's owner may enter a 0700 folder (a home directory, mkdtemp's folders). Run as root, the
// embedded server runs as the "postgres" user and must fall back to a folder it can reach; run as anyone
// else, it runs as that user and keeps the folder asked for. Both are tested on every machine that can:
// as root (CI), the second case runs in a child process as "nobody".
const isRoot = os.userInfo().uid === 0
const nobody = (() => {
  try {
    return { uid: Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' })) }
  } catch {
    return undefined
  }
})()
/** Whether a user who is neither owner nor group can read the project (the child process loads it). */
const othersCanRead = (dir: string): boolean => {
  for (let current = dir; ; current = path.dirname(current)) {
    if ((fs.statSync(current).mode & 0o005) !== 0o005) return false
    if (path.dirname(current) === current) return true
  }
}

describe('embedded PostgreSQL under a folder only its owner can enter', () => {
  const rootCase = 'as root: falls back to a folder the postgres user can reach instead of failing in initdb'
  ;(isRoot ? it : it.skip)(isRoot ? rootCase : `${rootCase} — skipped: needs root (only root runs PostgreSQL as another user)`, async () => {
    const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-closed-'))
    const wanted = path.join(closed, 'pg')
    try {
      const db = await startEmbeddedPostgres({ dataDir: wanted, port: await freePort() })
      try {
        expect(db.dataDir).not.toBe(wanted)
        expect(db.dataDir.startsWith('/var/lib/korrigo/')).toBe(true)
        expect(await query(db.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }])
      } finally {
        await db.stop()
        fs.rmSync(path.dirname(db.dataDir), { recursive: true, force: true })
      }
    } finally {
      fs.rmSync(closed, { recursive: true, force: true })
    }
  })

  const userCase = 'as a normal user: keeps the folder asked for'
  const asNobody = isRoot && nobody !== undefined && othersCanRead(process.cwd())
  const userCanRun = !isRoot || asNobody
  ;(userCanRun ? it : it.skip)(
    userCanRun ? userCase : `${userCase} — skipped: as root it runs as "nobody", ${nobody ? 'who cannot read this checkout' : 'and there is no such user'}`,
    async () => {
      const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-own-'))
      const wanted = path.join(closed, 'pg')
      try {
        if (!asNobody) {
          const db = await startEmbeddedPostgres({ dataDir: wanted, port: await freePort() })
          try {
            expect(db.dataDir).toBe(wanted)
            expect(await query(db.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }])
          } finally {
            await db.stop()
          }
          return
        }
        fs.chownSync(closed, nobody!.uid, nobody!.gid)
        const home = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-nobody-home-'))
        fs.chownSync(home, nobody!.uid, nobody!.gid)
        try {
          const child = spawnSync(process.execPath, ['--import', 'tsx', 'tests/int/helpers/embedded-as-user.ts', wanted, String(await freePort())], {
            cwd: process.cwd(),
            uid: nobody!.uid,
            gid: nobody!.gid,
            env: { PATH: process.env.PATH, HOME: home, TMPDIR: home, LOG_LEVEL: 'warn' } as unknown as NodeJS.ProcessEnv,
            encoding: 'utf8',
            timeout: 120_000,
          })
          expect({ status: child.status, stderr: child.stderr }).toEqual({ status: 0, stderr: expect.any(String) })
          expect(JSON.parse(child.stdout.trim().split('\n').pop()!)).toEqual({ dataDir: wanted, rows: [{ ok: 1 }] })
          expect(fs.statSync(path.join(wanted, 'PG_VERSION')).uid).toBe(nobody!.uid)
        } finally {
          fs.rmSync(home, { recursive: true, force: true })
        }
      } finally {
        fs.rmSync(closed, { recursive: true, force: true })
      }
    },
  )
})
