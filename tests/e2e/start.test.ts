import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ensureBuilt } from './helpers/builds'
import { freePorts, spawnProject, type Spawned } from './helpers/processes'

/**
 * The README's first line, for real: `npm start` on an empty data folder starts the embedded database,
 * builds what is missing, serves the admin's first-user screen; a separate worker runs the jobs.
 */
let base: string
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-start-'))
fs.chmodSync(dataDir, 0o755)
let env: Record<string, string>

let app: Spawned
let worker: Spawned | undefined

/** The processes still running PostgreSQL on `dir` (pid and command line), so a failure shows which. */
const postgresOn = (dir: string): string[] => {
  try {
    return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('postgres') && line.includes(dir))
      .map((line) => line.trim())
  } catch {
    return []
  }
}

beforeAll(async () => {
  const [port, pgPort] = (await freePorts(2)) as [number, number]
  base = `http://127.0.0.1:${port}`
  env = { KORRIGO_DATA_DIR: dataDir, PORT: String(port), KORRIGO_PG_PORT: String(pgPort), KORRIGO_WORKER: 'external', DATABASE_URL: '' }
  // Built here rather than inside `npm start` so a slow build is not mistaken for a slow start.
  ensureBuilt({ admin: true, portal: true })
  // What `npm start` runs; spawned directly so the exit code is the server's, not npm's.
  app = spawnProject({ command: process.execPath, args: ['scripts/start.js'], env })
  await app.waitFor(/Korrigo is running at (http:\/\/\S+)/, 600_000)
}, 620_000)

afterAll(async () => {
  await worker?.stop()
  await app?.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('npm start on a fresh data folder', () => {
  it('answers ready once the database and the queue are up', async () => {
    const response = await fetch(`${base}/api/health/ready`)
    expect(response.status).toBe(200)
  })

  it('shows the create-first-user screen, in French by default and in English on request', async () => {
    const fr = await fetch(`${base}/admin/create-first-user`)
    expect(fr.status).toBe(200)
    expect(await fr.text()).toMatch(/<title>Créer le premier utilisateur/)
    const en = await fetch(`${base}/admin/create-first-user`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } })
    expect(await en.text()).toMatch(/<title>Create first user/)
  })

  it('makes the first user an admin, who alone gets into Agendash', async () => {
    const register = await fetch(`${base}/api/users/first-register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'head@school.test', password: 'first-admin-pw', name: 'Head' }),
    })
    expect(register.status).toBe(200)
    const { token, user } = await register.json()
    expect(user.role).toBe('admin')
    const auth = { authorization: `JWT ${token}` }
    expect((await fetch(`${base}/admin/jobs/`, { headers: auth })).status).toBe(200)
    expect((await fetch(`${base}/admin/jobs/`)).status).toBe(401)

    const teacher = await fetch(`${base}/api/users`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 't@school.test', password: 'teacher-pw-123', role: 'teacher' }),
    })
    expect(teacher.status).toBe(201)
    const login = await (await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 't@school.test', password: 'teacher-pw-123' }),
    })).json()
    expect((await fetch(`${base}/admin/jobs/`, { headers: { authorization: `JWT ${login.token}` } })).status).toBe(403)
  })

  it('hands jobs enqueued by the app to `npm run worker`', async () => {
    const login = await (await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'head@school.test', password: 'first-admin-pw' }),
    })).json()
    const auth = { authorization: `JWT ${login.token}`, 'content-type': 'application/json' }
    const stale = path.join(dataDir, 'tmp', 'stale.tmp')
    fs.mkdirSync(path.dirname(stale), { recursive: true })
    fs.writeFileSync(stale, 'old')
    const old = new Date(Date.now() - 72 * 3_600_000)
    fs.utimesSync(stale, old, old)

    const enqueued = await fetch(`${base}/api/korrigo/jobs/cleanup-old-files`, { method: 'POST', headers: auth, body: JSON.stringify({ olderThanHours: 1 }) })
    expect(enqueued.status).toBe(202)
    const { id } = await enqueued.json()
    // KORRIGO_WORKER=external: the app itself must leave the job alone.
    await new Promise((r) => setTimeout(r, 6000))
    expect(fs.existsSync(stale)).toBe(true)

    worker = spawnProject({ command: 'npm', args: ['run', 'worker'], env })
    await worker.waitFor(/worker running jobs/, 120_000)
    let state = ''
    for (let i = 0; i < 60 && state !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 1000))
      const status = await (await fetch(`${base}/api/korrigo/jobs/status/${id}`, { headers: auth })).json()
      state = status.state
    }
    expect(state).toBe('completed')
    expect(fs.existsSync(stale)).toBe(false)
  })

  it('stops cleanly on SIGTERM, embedded database included', async () => {
    await worker?.stop()
    const code = await app.stop()
    expect(code).toBe(0)
    // The server's own processes end just after it (under load, a moment later): give them that moment, no
    // more. With the end of what the app printed, so a database left running says how the stop went.
    let left = postgresOn(path.join(dataDir, 'pg'))
    for (let waited = 0; left.length && waited < 15_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      left = postgresOn(path.join(dataDir, 'pg'))
    }
    expect(left.length ? { left, output: app.output().slice(-2500) } : left).toEqual([])
  })
})
