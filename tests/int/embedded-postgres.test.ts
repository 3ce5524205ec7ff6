import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { startEmbeddedPostgres } from '../../runtime/embedded-postgres'

const port = 55000 + (process.pid % 1000)

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

  it('leaves no server running after stop', async () => {
    const db = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port })
    await db.stop()
    await expect(query(db.url, 'SELECT 1')).rejects.toThrow()
  })
})

describe('embedded PostgreSQL under a folder the postgres user cannot enter', () => {
  const isRoot = os.userInfo().uid === 0
  ;(isRoot ? it : it.skip)('falls back to a reachable data folder instead of failing in initdb', async () => {
    const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-closed-'))
    const wanted = path.join(closed, 'pg')
    try {
      const db = await startEmbeddedPostgres({ dataDir: wanted, port: port + 1 })
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
})
