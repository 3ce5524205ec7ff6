// Issue 16, point 4: the marking API under load. 100 teachers at once, each signed in on their own connection
// and working on their own copy (one exam of 100 copies, all 100 teachers its correctors), against the app
// in a child process (bench/scale/server.ts; autocannon's CPU is then not the server's event loop, though
// both share the machine's cores with PostgreSQL). Baseline in the same run: GET /api/health/live.
// `npx tsx bench/scale/marking-load.ts` (PostgreSQL on 127.0.0.1:5432 like the integration tests);
// BENCH_SECONDS (default 30) for the saves the issue names (annotations, grades as the portal sends them),
// BENCH_EXTRA_SECONDS (default 10) for the health baseline (its figures move by a few % between 10 and 30 s) and
// the comparisons beside the saves (default depth, copy reads, saves without the edit-lock lookup), BENCH_RATE_SECONDS
// (default 20) for the offered rate: the whole `npm run bench -- scale` then stays under 10 minutes with the
// 2,000-page memory run. BENCH_CONNECTIONS (default 100), BENCH_RATE (default 50 saves/s).
import autocannon, { type Client, type Request, type Result } from 'autocannon'

import { apiClient, signIn, type ApiClient } from '../../tests/int/helpers/http'
import { envNumber, ms, openTransactions, printProfile, printTable, ratio, startServer, type Row, type ServerProcess, type ServerWindow } from './common'

const SECONDS = envNumber('BENCH_SECONDS', 30)
const EXTRA_SECONDS = envNumber('BENCH_EXTRA_SECONDS', 10)
const RATE_SECONDS = envNumber('BENCH_RATE_SECONDS', 20)
const CONNECTIONS = envNumber('BENCH_CONNECTIONS', 100)
const RATE = envNumber('BENCH_RATE', 50)

type Teacher = { client: ApiClient; copy: number | string; grade: { id: number | string; version: number } }
type Window = ServerWindow
type Measured = { name: string; result: Result; window: Window; loadCpuS: number; conflicts: number; unanswered?: number; wedged?: boolean }

const json = (token: string) => ({ 'content-type': 'application/json', authorization: `JWT ${token}` })

/** Each connection is one teacher on their own copy: `make(teacher, state)` gives its request. */
const load = async ({
  server,
  teachers,
  name,
  connections = CONNECTIONS,
  overallRate,
  saves = false,
  timeout = 60,
  seconds = SECONDS,
  make,
}: {
  server: ServerProcess
  teachers: Teacher[]
  name: string
  connections?: number
  overallRate?: number
  /** grade saves: versions read again before, and counted after */
  saves?: boolean
  timeout?: number
  seconds?: number
  make: (teacher: Teacher, counters: { conflicts: number }) => Request
}): Promise<Measured> => {
  let next = 0
  const counters = { conflicts: 0 }
  // autocannon stops with requests in flight: a save the server applied but whose answer was never read
  // leaves its connection one version behind. Each teacher reads their grade again before a run of saves.
  if (saves) await resync(teachers)
  const before = saves ? teachers.reduce((sum, t) => sum + t.grade.version, 0) : 0
  const window = await server.window()
  const cpu0 = process.cpuUsage()
  const result = await autocannon({
    url: server.baseUrl,
    connections,
    duration: seconds,
    timeout,
    ...(overallRate ? { overallRate } : {}),
    setupClient: (client: Client) => {
      const teacher = teachers[next++ % teachers.length]!
      client.setRequests([make(teacher, counters)])
    },
  })
  const cpu = process.cpuUsage(cpu0)
  const stopped = await window.stop()
  let unanswered: number | undefined
  let wedged = false
  if (saves) {
    // Every 200 is one version more on the server; saves applied after autocannon stopped listening are the rest.
    await new Promise((r) => setTimeout(r, 2000))
    const read = await Promise.race([resync(teachers).then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 15_000))])
    if (read) unanswered = teachers.reduce((sum, t) => sum + t.grade.version, 0) - before - result['2xx']
    else wedged = true
  }
  return { name, result, window: stopped, loadCpuS: (cpu.user + cpu.system) / 1e6, conflicts: counters.conflicts, unanswered, wedged }
}

const resync = async (teachers: Teacher[]) =>
  Promise.all(
    teachers.map(async (t) => {
      const answer = await t.client.request('GET', `/api/grades/${t.grade.id}?depth=0`)
      if (answer.status !== 200) throw new Error(`reading grade ${t.grade.id}: ${answer.status}`)
      t.grade.version = answer.body.version
    }),
  )

const signInAll = async ({ baseUrl, seed }: { baseUrl: string; seed: any }): Promise<Teacher[]> => {
  const teachers: Teacher[] = new Array(seed.teachers.length)
  let next = 0
  // Four at a time: each sign-in is a PBKDF2 check (600,000 iterations) on libuv's pool of 4 threads.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < seed.teachers.length) {
        const i = next++
        const client = await signIn({ baseUrl, email: seed.teachers[i].email, password: seed.password })
        const copy = seed.copies[i % seed.copies.length]
        const created = await client.request('POST', '/api/grades?depth=0', { copy, questionKey: 'Q1', points: 2 })
        if (created.status !== 201) throw new Error(`grade on copy ${copy}: ${created.status} ${JSON.stringify(created.body)}`)
        teachers[i] = { client, copy, grade: { id: created.body.doc.id, version: created.body.doc.version } }
      }
    }),
  )
  return teachers
}

let tick = 0
const annotation = (teacher: Teacher, path: string): Request => ({
  method: 'POST',
  path,
  headers: json(teacher.client.token!),
  setupRequest: (request) => {
    tick++
    return { ...request, body: JSON.stringify({ copy: teacher.copy, page: 1, kind: 'tick', geometry: { x: 40 + (tick % 500), y: 60 + (tick % 700), size: 20 }, style: { color: '#d32f2f', width: 2, opacity: 1 }, schemaVersion: 2 }) }
  },
})

/** A grade save with the version this connection last got back; a 409 is a real conflict: counted, then the stored version taken. */
const gradeSave = (query: string) => (teacher: Teacher, counters: { conflicts: number }): Request => ({
  method: 'PATCH',
  path: `/api/grades/${teacher.grade.id}?${query}`,
  headers: json(teacher.client.token!),
  setupRequest: (request) => {
    tick++
    return { ...request, body: JSON.stringify({ points: (tick % 9) / 2, version: teacher.grade.version }) }
  },
  onResponse: (status, body) => {
    if (status === 200) teacher.grade.version = JSON.parse(body).doc.version
    else if (status === 409) {
      counters.conflicts++
      const current = JSON.parse(body).errors?.[0]?.data?.current
      if (current?.version) teacher.grade.version = current.version
    }
  },
})

const main = async () => {
  const server = await startServer({
    scenario: 'marking',
    env: { KORRIGO_LOGIN_RATE_PER_MINUTE: '1000000', KORRIGO_DRAIN_MS: '2000', BENCH_TEACHERS: String(CONNECTIONS) },
  })
  const measured: Measured[] = []
  let profileFile = ''
  let annotationBytes = { depth0: 0, depthDefault: 0 }
  try {
    const t0 = performance.now()
    const teachers = await signInAll(server)
    const seedS = (performance.now() - t0) / 1000
    // What one answer weighs at each depth (the response size the load below carries).
    const probe = async (path: string) =>
      Buffer.byteLength(JSON.stringify((await teachers[0]!.client.request('POST', path, { copy: teachers[0]!.copy, page: 1, kind: 'tick', geometry: { x: 10, y: 10, size: 20 }, style: { color: '#d32f2f', width: 2, opacity: 1 }, schemaVersion: 2 })).body))
    annotationBytes = { depth0: await probe('/api/annotations?depth=0'), depthDefault: await probe('/api/annotations') }
    // Warm-up: the JIT and the pool see every route once before anything is measured.
    await autocannon({ url: server.baseUrl, connections: 10, duration: 3, setupClient: (c: Client) => c.setRequests([annotation(teachers[0]!, '/api/annotations?depth=0')]) })

    // Where the statements come from: 10 of each request, one at a time, with stack traces on every statement.
    const traces: { name: string; sites: Record<string, number> }[] = []
    const traced = async (name: string, send: (t: Teacher) => Promise<unknown>) => {
      const trace = await server.trace()
      for (let i = 0; i < 10; i++) await send(teachers[i % teachers.length]!)
      traces.push({ name, sites: await trace.stop() })
    }
    const body = (t: Teacher) => ({ copy: t.copy, page: 1, kind: 'tick', geometry: { x: 30, y: 30, size: 20 }, style: { color: '#d32f2f', width: 2, opacity: 1 }, schemaVersion: 2 })
    await traced('POST /api/annotations?depth=0', (t) => t.client.request('POST', '/api/annotations?depth=0', body(t)))
    await traced('GET /api/copies/:id?depth=0', (t) => t.client.request('GET', `/api/copies/${t.copy}?depth=0`))
    await traced('PATCH /api/grades/:id?depth=0', async (t) => {
      const answer = await t.client.request('PATCH', `/api/grades/${t.grade.id}?depth=0`, { points: 1, version: t.grade.version })
      if (answer.status === 200) t.grade.version = answer.body.doc.version
    })

    measured.push(await load({ server, teachers, name: 'baseline: GET /api/health/live', seconds: EXTRA_SECONDS, make: () => ({ method: 'GET', path: '/api/health/live' }) }))
    const profile = await server.profile()
    measured.push(await load({ server, teachers, name: 'POST /api/annotations?depth=0', make: (t) => annotation(t, '/api/annotations?depth=0') }))
    profileFile = await profile.stop()
    measured.push(await load({ server, teachers, name: 'POST /api/annotations (default depth)', seconds: EXTRA_SECONDS, make: (t) => annotation(t, '/api/annotations') }))
    measured.push(await load({ server, teachers, name: 'GET /api/copies/:id?depth=0', seconds: EXTRA_SECONDS, make: (t) => ({ method: 'GET', path: `/api/copies/${t.copy}?depth=0`, headers: json(t.client.token!) }) }))
    // Payload's REST update looks for an admin edit lock (payload-locked-documents) unless `overrideLock=true`, and
    // that lookup runs outside the request's transaction: it needs a second pool connection while holding one.
    // Saves measured first with the lookup skipped, then as the portal sends them (last: it can wedge the pool).
    measured.push(await load({ server, teachers, name: 'PATCH /api/grades/:id?depth=0&overrideLock=true', seconds: EXTRA_SECONDS, saves: true, make: gradeSave('depth=0&overrideLock=true') }))
    const offered = await load({ server, teachers, name: `offered: ${RATE} grade saves/s`, overallRate: RATE, seconds: RATE_SECONDS, saves: true, make: gradeSave('depth=0&overrideLock=true') })
    const asPortal = await load({ server, teachers, name: 'PATCH /api/grades/:id?depth=0 (as the portal sends it)', saves: true, timeout: 10, make: gradeSave('depth=0') })
    measured.push(asPortal)
    const stuck = asPortal.wedged ? await openTransactions(server.database) : undefined

    const base = measured[0]!.result
    const cores = (s: number, w: Window) => (s / w.wallS).toFixed(2)
    const perRequest = (m: Measured) => Object.values(m.window.statements).reduce((a, b) => a + b, 0) / (m.result.requests.total || 1)
    const cpuDetail = (m: Measured) =>
      `server event loop ${(m.window.elu * 100).toFixed(0)} % busy; cores used: app ${cores(m.window.serverCpuS, m.window)}, postgres ${cores(m.window.postgresCpuS, m.window)}, autocannon ${cores(m.loadCpuS, m.window)}`
    const rows: Row[] = [
      { measure: `seed: ${teachers.length} teachers signed in, a grade each`, value: `${seedS.toFixed(1)} s`, detail: `${teachers.length} teachers, ${server.seed.copies.length} copies of one exam (every teacher a corrector), a JWT per connection` },
    ]
    for (const m of measured) {
      const r = m.result
      const statuses = Object.entries(r.statusCodeStats)
        .map(([code, { count }]) => `${code}×${count}`)
        .join(' ')
      const bytes = r['2xx'] ? r.throughput.total / (r.requests.total || 1) : 0
      rows.push(
        { measure: `${m.name}: req/s`, value: r.requests.average.toFixed(1), detail: `${m === measured[0] ? 'baseline' : `${ratio(r.requests.average, base.requests.average)} of the baseline`}; ${r.requests.total} requests in ${r.duration.toFixed(0)} s, ${(bytes / 1024).toFixed(1)} KB per answer` },
        { measure: `${m.name}: p50 / p99`, value: `${ms(r.latency.p50)} / ${ms(r.latency.p99)}`, detail: `${m === measured[0] ? 'baseline' : `p50 ${ratio(r.latency.p50, base.latency.p50)}, p99 ${ratio(r.latency.p99, base.latency.p99)} the baseline's`}; max ${ms(r.latency.max)} (2xx answers only)` },
        { measure: `${m.name}: non-2xx / errors`, value: `${r.non2xx} / ${r.errors + r.timeouts}`, detail: `status ${statuses}${m.unanswered !== undefined ? `; 409 conflicts ${m.conflicts}; versions gained − 200s = ${m.unanswered} (saves in flight when the run stopped)` : ''}; timeouts ${r.timeouts}` },
        { measure: `${m.name}: server`, value: `${perRequest(m).toFixed(1)} SQL/req`, detail: cpuDetail(m) },
      )
    }
    rows.push(
      { measure: `offered ${RATE} saves/s: sustained`, value: `${offered.result.requests.average.toFixed(1)} /s`, detail: `${Math.min(RATE, CONNECTIONS)} teachers, one save a second each (autocannon overallRate); ${offered.result.requests.total} saves, non-2xx ${offered.result.non2xx} (409 ${offered.conflicts}), errors ${offered.result.errors + offered.result.timeouts}, versions gained − 200s = ${offered.unanswered}; PATCH …?depth=0&overrideLock=true` },
      { measure: `offered ${RATE} saves/s: p50 / p99`, value: `${ms(offered.result.latency.p50)} / ${ms(offered.result.latency.p99)}`, detail: `max ${ms(offered.result.latency.max)}, corrected for coordinated omission; ${cpuDetail(offered)}` },
      {
        measure: 'after the saves as the portal sends them',
        value: stuck ? 'server wedged' : 'server answers',
        detail: stuck
          ? `grades unreadable 15 s after the run; ${stuck.count} transactions of the app idle in transaction for ${stuck.oldestS.toFixed(0)} s, last statement "${stuck.lastStatement}…" (pool ${process.env.KORRIGO_DB_POOL ?? 10})`
          : `every grade read back within 15 s; versions gained − 200s = ${asPortal.unanswered}`,
      },
      { measure: 'default depth vs depth=0: answer size', value: `${(annotationBytes.depthDefault / 1024).toFixed(1)} KB / ${(annotationBytes.depth0 / 1024).toFixed(2)} KB`, detail: `one annotation create's JSON answer; default depth populates copy → exam, author, exam → correctors (${teachers.length} users)` },
    )
    printTable(
      `marking API under load, ${CONNECTIONS} connections, ${SECONDS} s per save measure (${EXTRA_SECONDS} s for the health baseline and the comparisons: default depth, copy reads, saves without the lock lookup; ${RATE_SECONDS} s at the offered rate)`,
      `app in a child process (node --import tsx bench/scale/server.ts, Payload pool ${process.env.KORRIGO_DB_POOL ?? 10} connections, request log at info to a file), autocannon ${CONNECTIONS} connections in this process, PostgreSQL 127.0.0.1:5432 on the same machine`,
      rows,
    )
    for (const m of measured.slice(1)) {
      const top = Object.entries(m.window.statements)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([key, n]) => `${key} ${(n / (m.result.requests.total || 1)).toFixed(1)}`)
      process.stdout.write(`\nSQL statements per request, ${m.name} (verb and first table): ${top.join(', ')}\n`)
    }
    for (const { name, sites } of traces) {
      const top = Object.entries(sites)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
      process.stdout.write(`\nWhere the SQL of one ${name} comes from (statements per request ⇐ first Korrigo frames, 10 requests traced one at a time):\n${top.map(([site, n]) => `- ${(n / 10).toFixed(1)} × ${site}`).join('\n')}\n`)
    }
    printProfile(`server CPU profile during "POST /api/annotations?depth=0" (top 15 self time)`, profileFile)
  } finally {
    await server.close()
  }
}

await main()
process.exit(0)
