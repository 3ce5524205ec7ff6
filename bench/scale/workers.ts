// Issue 16, point 4: the job queue with the app and the workers as separate processes, as a school runs them
// (`node --import tsx server.ts` with KORRIGO_WORKER=external, `node --import tsx jobs/worker.ts`), on a
// throwaway database (a copy of the migrated test template) and a temporary data dir.
//  1. A class of 30 A3 booklets (30 copies × 4 pages = 120 A4 pages on 60 scanned A3 sides; generated once
//     with tools/papers, framed header, class list of the same 30 students, cached): time from the upload's
//     201 to the batch `done` (copies cut) and to every copy identified (identification.status no longer
//     `pending`; the identify-exam job runs after the scan job), with 1 worker — the baseline, same run —
//     then with 2 workers, each on a fresh database.
//  2. A worker's peak RSS (its process and any child, worker threads included) while it ingests batches of
//     100, 500 and 2,000 pages by default (BENCH_PAGES=100,500 for a shorter run; 2,000 pages take 2.5–3 min on
//     two quiet cores, 676 copies cut). The pages are a4-class's 55 real scans repeated (pdf-lib copies each image once, so the file
//     stays small and the work per page is a real page's); a fresh worker per size, given only the scan jobs.
// `npx tsx bench/scale/workers.ts` or `npm run bench -- scale` (PostgreSQL on 127.0.0.1:5432 like the tests).
// The default run takes about 5 minutes on two quiet cores: the class end to end in ~25 s per run, twice, the
// 500-page batch ~40 s, the 2,000-page one ~2.5 min. Shrink with BENCH_SKIP=rss,
// BENCH_WORKERS=1 or BENCH_PAGES=100.
// Knobs: BENCH_PAGES (comma list), BENCH_WORKERS (default 1,2), BENCH_WORKER_JOBS (default the scan and
// identification jobs; `all` for every job, redaction included), BENCH_SKIP=class|rss.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { PDFDocument } from 'pdf-lib'

import { IDENTIFY_EXAM } from '../../plugins/identification/jobs/identifyExam'
import { READ_COPY_HEADERS } from '../../plugins/identification/services/readLanes'
import { PROCESS_SCAN_BATCH } from '../../plugins/scan-pipeline/hooks/enqueueOnUpload'
import { ANALYZE_SCAN_PAGES } from '../../plugins/scan-pipeline/services/lanes'
import { freePort, spawnProject, type Spawned } from '../../tests/e2e/helpers/processes'
import { createTestDatabase, type TestDatabase } from '../../tests/int/helpers/database'
import { apiClient, signIn, type ApiClient } from '../../tests/int/helpers/http'
import { uploadBatch } from '../../tests/int/helpers/scans'
import { buildBatch, buildRoster, getBatch, presetSpec, type Truth } from '../../tools/papers/index'
import { cached } from '../../tools/papers/cache'
import { postgresCpuSeconds, printTable, ratio, waitForQuiet, type Row } from './common'

const SCAN_JOBS = [PROCESS_SCAN_BATCH, ANALYZE_SCAN_PAGES]
const CLASS_JOBS = process.env.BENCH_WORKER_JOBS === 'all' ? undefined : (process.env.BENCH_WORKER_JOBS?.split(',') ?? [...SCAN_JOBS, IDENTIFY_EXAM, READ_COPY_HEADERS])
const list = (name: string, fallback: number[]) => {
  const values = (process.env[name] ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0)
  return values.length ? values : fallback
}
const PAGES = list('BENCH_PAGES', [100, 500, 2000])
const WORKERS = list('BENCH_WORKERS', [1, 2])
const SKIP = process.env.BENCH_SKIP ?? ''
const MB = 1024 * 1024

/** Where the bench's own time goes (setup included), printed at the end: issue 16 wants the whole scale run under 10 minutes. */
const spent: string[] = []
const timed = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now()
  try {
    return await work()
  } finally {
    spent.push(`${what} ${((performance.now() - started) / 1000).toFixed(0)} s`)
  }
}

// ---------------------------------------------------------------------------------------------------------
// processes

const load = () => os.loadavg()[0]!.toFixed(2)

/** CPU seconds (user + system) a process has spent so far; its worker threads included, and its child processes once they have exited (PaddleOCR's, at the end of a run). */
const cpuSeconds = (pid: number): number => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100
  } catch {
    return NaN
  }
}

const statusKb = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024
  } catch {
    return 0
  }
}

/** The processes below `pid` (a worker that would start a helper process: counted in its memory). */
const descendants = (pid: number): number[] => {
  const parent = new Map<number, number>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // ended meanwhile
    }
  }
  const found: number[] = []
  const walk = (p: number) => {
    for (const [child, ppid] of parent) if (ppid === p) found.push(child), walk(child)
  }
  walk(pid)
  return found
}

/** RSS of a process and its descendants, polled every `everyMs`: the highest sum seen. */
const sampleRss = (pid: number, everyMs = 100) => {
  let peak = 0
  let peakAt = 0
  const t0 = performance.now()
  let children: number[] = []
  let ticks = 0
  const timer = setInterval(() => {
    if (ticks++ % 10 === 0) children = descendants(pid)
    const now = statusKb(pid, 'VmRSS') + children.reduce((sum, c) => sum + statusKb(c, 'VmRSS'), 0)
    if (now > peak) [peak, peakAt] = [now, (performance.now() - t0) / 1000]
  }, everyMs)
  return {
    stop: () => {
      clearInterval(timer)
      return { polledPeak: peak, peakAtS: peakAt, hwm: statusKb(pid, 'VmHWM'), children: children.length }
    },
  }
}

type Cluster = {
  database: TestDatabase
  dataDir: string
  baseUrl: string
  app: Spawned
  workers: Spawned[]
  admin: ApiClient
  startWorker: (jobs: string[] | undefined) => Promise<Spawned>
  stopWorker: (worker: Spawned) => Promise<void>
  close: () => Promise<void>
}

/** A throwaway database, a temp data dir, the app (no jobs) and `workers` worker processes, the first admin signed in. */
const startCluster = async ({ workers, jobs, env = {} }: { workers: number; jobs: string[] | undefined; env?: Record<string, string> }): Promise<Cluster> => {
  const database = await createTestDatabase()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-bench-workers-'))
  const spawned: Spawned[] = []
  const common = {
    DATABASE_URL: database.url,
    KORRIGO_DATA_DIR: dataDir,
    PAYLOAD_SECRET: 'bench-workers-secret',
    KORRIGO_ADMIN: 'off',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    ...env,
  }
  const start = (script: string, env: Record<string, string | undefined>) => {
    // KORRIGO_JOBS unset: every job; the parent's own value never leaks in.
    const child = spawnProject({ command: process.execPath, args: ['--import', 'tsx', script], env: { ...common, KORRIGO_JOBS: undefined, ...env } as unknown as Record<string, string> })
    spawned.push(child)
    return child
  }
  const close = async () => {
    for (const child of spawned) await child.stop()
    await database.drop().catch(() => undefined)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    const port = await freePort()
    const baseUrl = `http://127.0.0.1:${port}`
    const app = start('server.ts', { PORT: String(port), HOST: '127.0.0.1', KORRIGO_WORKER: 'external' })
    const startWorker = async (only: string[] | undefined) => {
      // At info: the scan job's last line carries the worker's memory when the batch ended.
      const worker = start('jobs/worker.ts', { KORRIGO_JOBS: only?.join(','), LOG_LEVEL: 'info' })
      await worker.waitFor(/worker running jobs/, 180_000)
      return worker
    }
    const stopWorker = async (worker: Spawned) => {
      await worker.stop()
      spawned.splice(spawned.indexOf(worker), 1)
    }
    const [, ...started] = await Promise.all([
      (async () => {
        for (const until = Date.now() + 180_000; Date.now() < until; await new Promise((r) => setTimeout(r, 300)))
          if ((await fetch(`${baseUrl}/api/health/ready`).catch(() => undefined))?.ok) return
        throw new Error(`the app never became ready:\n${app.output().slice(-3000)}`)
      })(),
      ...Array.from({ length: workers }, () => startWorker(jobs)),
    ])
    const register = await apiClient({ baseUrl }).request('POST', '/api/users/first-register', { email: 'root@school.test', password: 'root-password-1', name: 'Root' })
    if (register.status !== 200 && register.status !== 201) throw new Error(`first-register: ${register.status} ${JSON.stringify(register.body)}`)
    const admin = await signIn({ baseUrl, email: 'root@school.test', password: 'root-password-1' })
    return { database, dataDir, baseUrl, app, workers: started as Spawned[], admin, startWorker, stopWorker, close }
  } catch (error) {
    await close()
    throw error
  }
}

const poll = async <T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number, everyMs: number, output: () => string): Promise<T> => {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const value = await probe()
    if (value) return value
    await new Promise((r) => setTimeout(r, everyMs))
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; the workers' output:\n${output().slice(-3000)}`)
}

type BatchDoc = { status: string; problems?: { code: string; message: string }[]; progress?: { pagesDone?: number; pagesTotal?: number; copiesFound?: number } }

const TRACE = Boolean(process.env.BENCH_TRACE)
let traced = ''
/** The batch as the app gives it; with BENCH_TRACE=1, each change of its progress is written to stderr with the time. */
const readBatch = async (admin: ApiClient, id: unknown) => {
  const batch = (await admin.request('GET', `/api/scan-batches/${id}?depth=0`)).body as BatchDoc
  const now = `${batch.status} ${batch.progress?.pagesDone ?? 0}/${batch.progress?.pagesTotal ?? 0} pages, ${batch.progress?.copiesFound ?? 0} copies`
  if (TRACE && now !== traced) process.stderr.write(`[${(performance.now() / 1000).toFixed(1)} s] batch ${String(id)}: ${(traced = now)}\n`)
  return batch
}

// ---------------------------------------------------------------------------------------------------------
// 1. a class of 30 A3 booklets through the queue

/** 30 framed A3 booklets (one sheet each: 4 pages), no loose sheet, no unnamed copy, the 30 students' class list. */
const classOf30 = async () => {
  const spec = { ...presetSpec('framed-a3'), name: 'framed-a3-booklets-30', copies: 30, unnamed: [], absent: 0, sheetsFor: Array(30).fill(1), inserts: 0 }
  const { files } = await cached({
    name: spec.name,
    spec,
    exts: { bytes: 'pdf', roster: 'roster.csv', truth: 'truth.json' },
    build: async () => {
      const b = await buildBatch(spec)
      return { bytes: b.bytes, roster: buildRoster({ students: b.roster, format: 'classic' }), truth: JSON.stringify(b.truth, null, 1) }
    },
  })
  const truth = JSON.parse(files.truth as string) as Truth
  const roster = files.roster as string
  const className = roster.split(/\r?\n/)[1]!.split(';')[3]!
  return { bytes: files.bytes as Uint8Array, truth, roster, className, pages: truth.copies.reduce((sum, c) => sum + c.pages.length, 0) }
}

type ClassRun = {
  workers: number
  uploadS: number
  cutS: number
  identifiedS: number
  copies: number
  identified: number
  needsReview: number
  right: number
  batchStatus: string
  workerCpuS: number[]
  appCpuS: number
  postgresCpuS: number
  loadAtStart: string
  phases: Record<string, number>
}

/** Where the identify jobs' time went (their "exam identified" log lines' phaseMs, summed), in seconds. */
const identifyPhases = (logs: string): Record<string, number> => {
  const sums: Record<string, number> = {}
  for (const line of logs.split('\n')) {
    if (!line.includes('"phaseMs"')) continue
    try {
      for (const [phase, ms] of Object.entries((JSON.parse(line) as { phaseMs: Record<string, number> }).phaseMs)) sums[phase] = (sums[phase] ?? 0) + ms / 1000
    } catch {
      // a line cut by another process's output: not a phase report
    }
  }
  return sums
}

const classRun = async (workers: number, batch: Awaited<ReturnType<typeof classOf30>>): Promise<ClassRun> => {
  // As the README advises: as many lanes as workers, for the scan and for reading the headers.
  const cluster = await timed(`class with ${workers}: start`, () => startCluster({ workers, jobs: CLASS_JOBS, env: { KORRIGO_SCAN_LANES: String(workers), KORRIGO_IDENTIFY_LANES: String(workers) } }))
  try {
    const { admin } = cluster
    const form = new FormData()
    form.append('file', new Blob([batch.roster], { type: 'text/csv' }), 'classe.csv')
    const imported = await admin.request('POST', '/api/identification/roster', form)
    if (imported.status !== 200 || imported.body.created !== batch.truth.copies.length) throw new Error(`roster import: ${imported.status} ${JSON.stringify(imported.body).slice(0, 500)}`)
    const exam = await admin.request('POST', '/api/exams', { title: 'Bench workers', className: batch.className, layout: batch.truth.layout })
    if (exam.status !== 201) throw new Error(`exam: ${exam.status} ${JSON.stringify(exam.body).slice(0, 500)}`)
    const examId = exam.body.doc.id
    const output = () => cluster.workers.map((w) => w.output()).join('\n---\n')

    // Idle: every process booted; the measure starts from a quiet machine (noted if it is not).
    await new Promise((r) => setTimeout(r, 2000))
    const loadAtStart = load()
    const cpu0 = cluster.workers.map((w) => cpuSeconds(w.child.pid!))
    const app0 = cpuSeconds(cluster.app.child.pid!)
    const pg0 = postgresCpuSeconds()
    const sent = performance.now()
    const uploaded = await uploadBatch({ client: admin, exam: examId, name: 'classe-a3.pdf', bytes: batch.bytes })
    const t0 = performance.now()
    const done = await poll(
      'the batch to be cut into copies',
      async () => {
        const b = await readBatch(admin, uploaded.id)
        return ['done', 'partial', 'failed'].includes(b.status) && { at: performance.now(), status: b.status }
      },
      600_000,
      250,
      output,
    )
    if (done.status === 'failed') throw new Error(`the batch failed: ${JSON.stringify((await readBatch(admin, uploaded.id)).problems)}\n${output().slice(-3000)}`)
    type Copy = { identification?: { status?: string }; student?: unknown }
    const named = await poll(
      'every copy to be identified',
      async () => {
        const copies = (await admin.request('GET', `/api/copies?where[exam][equals]=${examId}&limit=0&depth=0`)).body.docs as Copy[]
        return copies.length > 0 && copies.every((c) => (c.identification?.status ?? 'pending') !== 'pending') && { at: performance.now(), copies }
      },
      900_000,
      500,
      output,
    )
    let postgresCpuS = 0
    for (const [pid, s] of postgresCpuSeconds()) postgresCpuS += s - (pg0.get(pid) ?? 0)
    // Right names: the copies in scan order against the truth's students.
    const students = (await admin.request('GET', `/api/students?limit=0&depth=0`)).body.docs as { id: unknown; lastName: string; firstName: string }[]
    const byId = new Map(students.map((s) => [String(s.id), s]))
    const ordered = (await admin.request('GET', `/api/copies?where[exam][equals]=${examId}&limit=0&depth=0&sort=createdAt`)).body.docs as Copy[]
    const right = ordered.filter((c, i) => {
      const s = c.identification?.status === 'identified' ? byId.get(String(c.student)) : undefined
      const expected = batch.truth.copies[i]?.student
      return s && expected && s.lastName === expected.last_name && s.firstName === expected.first_name
    }).length
    // The job logs where its time went just after its last write.
    await timed(`class with ${workers}: phases logged`, () => poll('the identify job to report its phases', async () => output().includes('"phaseMs"'), 30_000, 100, output))
    return {
      workers,
      phases: identifyPhases(output()),
      uploadS: (t0 - sent) / 1000,
      cutS: (done.at - t0) / 1000,
      identifiedS: (named.at - t0) / 1000,
      copies: named.copies.length,
      identified: named.copies.filter((c) => c.identification?.status === 'identified').length,
      needsReview: named.copies.filter((c) => c.identification?.status === 'needs_review').length,
      right,
      batchStatus: done.status,
      workerCpuS: cluster.workers.map((w, i) => cpuSeconds(w.child.pid!) - cpu0[i]!),
      appCpuS: cpuSeconds(cluster.app.child.pid!) - app0,
      postgresCpuS,
      loadAtStart,
    }
  } finally {
    await timed(`class with ${workers}: stop`, cluster.close)
  }
}

const classBench = async () => {
  const batch = await timed('class fixture', classOf30)
  const runs: ClassRun[] = []
  for (const n of WORKERS) runs.push(await timed(`class with ${n} worker${n > 1 ? 's' : ''}`, () => classRun(n, batch)))
  const base = runs[0]!
  const rows: Row[] = []
  for (const r of runs) {
    const label = `${r.workers} worker${r.workers > 1 ? 's' : ''}`
    const vs = (v: number, b: number) => (r === base ? 'baseline' : `${ratio(v, b)} the ${base.workers}-worker time`)
    const cores = (s: number) => (s / r.identifiedS).toFixed(2)
    rows.push(
      { measure: `${label}: upload (POST until 201)`, value: `${r.uploadS.toFixed(1)} s`, detail: `${(batch.bytes.length / MB).toFixed(1)} MB, stored and checked by the app; load average ${r.loadAtStart} when sent` },
      { measure: `${label}: 201 → batch done (copies cut)`, value: `${r.cutS.toFixed(1)} s`, detail: `${vs(r.cutS, base.cutS)}; ${(batch.pages / r.cutS).toFixed(1)} pages/s (${(batch.truth.pageCount / r.cutS).toFixed(1)} scanned A3 sides/s); batch ${r.batchStatus}` },
      { measure: `${label}: batch done → all identified`, value: `${(r.identifiedS - r.cutS).toFixed(1)} s`, detail: `${vs(r.identifiedS - r.cutS, base.identifiedS - base.cutS)}; headers read by the identify job and its read-copy-headers lanes (one per worker), matched once; ${r.identified} identified (${r.right} right), ${r.needsReview} to review, of ${r.copies} copies` },
      { measure: `${label}: identify job's phases`, value: `${Object.values(r.phases).reduce((a, b) => a + b, 0).toFixed(1)} s`, detail: Object.entries(r.phases).map(([phase, s]) => `${phase} ${s.toFixed(1)} s`).join(', ') + ' (headers read, pieces joined, written page numbers read and pages ordered, matched and written)' },
      { measure: `${label}: 201 → all identified`, value: `${r.identifiedS.toFixed(1)} s`, detail: `${vs(r.identifiedS, base.identifiedS)}; ${(batch.pages / r.identifiedS).toFixed(1)} pages/s end to end` },
      {
        measure: `${label}: cores used (201 → identified)`,
        value: cores(r.workerCpuS.reduce((a, b) => a + b, 0) + r.appCpuS + r.postgresCpuS),
        detail: `worker${r.workers > 1 ? 's' : ''} ${r.workerCpuS.map((s) => cores(s)).join(' + ')}, app ${cores(r.appCpuS)}, postgres ${cores(r.postgresCpuS)} (CPU s / wall s, of ${os.cpus().length} cores)`,
      },
    )
  }
  printTable(
    `a class of 30 A3 booklets through the job queue, 1 worker vs 2`,
    `${batch.truth.copies.length} copies × 4 pages = ${batch.pages} A4 pages on ${batch.truth.pageCount} scanned A3 sides (tools/papers framed-a3 shape, 30 booklets of one sheet, the 30 students' class list imported); app (KORRIGO_WORKER=external) and workers as separate processes, a fresh throwaway database and data dir per run; workers' jobs: ${CLASS_JOBS?.join(', ') ?? 'all'}; KORRIGO_SCAN_LANES and KORRIGO_IDENTIFY_LANES = the number of workers; baseline: ${base.workers} worker in the same run`,
    rows,
  )
}

// ---------------------------------------------------------------------------------------------------------
// 2. worker peak RSS as the batch grows

/** `pages` pages cycling through a4-class's 55 scans: each image object is copied once, the pages point at it. */
const bigBatch = async (pages: number): Promise<Uint8Array> => {
  const { bytes } = await getBatch('a4-class')
  const source = await PDFDocument.load(bytes)
  const out = await PDFDocument.create()
  const copied = await out.copyPages(source, Array.from({ length: pages }, (_, i) => i % source.getPageCount()))
  for (const page of copied) out.addPage(page)
  return out.save()
}

type RssRun = { pages: number; idle: number; hwm: number; polledPeak: number; children: number; seconds: number; copies: number; status: string; fileMB: number; cpuS: number; loadAtStart: string; memoryMB?: Record<string, number>; peakAtS: number; analysedAtS: number }

const rssBench = async () => {
  // The app and the database stay; each size gets a fresh worker (its peak is that batch's alone).
  const cluster = await timed('memory runs: app start', () => startCluster({ workers: 0, jobs: SCAN_JOBS }))
  const runs: RssRun[] = []
  try {
    const { admin } = cluster
    const exam = await admin.request('POST', '/api/exams', { title: 'Bench worker memory', layout: 'a4' })
    if (exam.status !== 201) throw new Error(`exam: ${exam.status} ${JSON.stringify(exam.body).slice(0, 500)}`)
    for (const pages of PAGES) {
      const bytes = await timed(`${pages}-page file`, () => bigBatch(pages))
      const worker = await timed(`${pages}-page worker start`, () => cluster.startWorker(SCAN_JOBS))
      await new Promise((r) => setTimeout(r, 2000))
      const idle = statusKb(worker.child.pid!, 'VmRSS')
      const loadAtStart = load()
      const cpu0 = cpuSeconds(worker.child.pid!)
      const sampler = sampleRss(worker.child.pid!)
      const t0 = performance.now()
      let analysedAtS: number | undefined
      const batch = await uploadBatch({ client: admin, exam: exam.body.doc.id, name: `batch-${pages}.pdf`, bytes })
      const done = await poll(
        `the ${pages}-page batch`,
        async () => {
          const b = await readBatch(admin, batch.id)
          // When the last page was analysed: the peak before it is analysis, after it planning and cutting.
          if (analysedAtS === undefined && (b.progress?.pagesDone ?? 0) >= pages) analysedAtS = (performance.now() - t0) / 1000
          return ['done', 'partial', 'failed'].includes(b.status) && b
        },
        1_200_000,
        250,
        () => worker.output(),
      )
      const seconds = (performance.now() - t0) / 1000
      const cpuS = cpuSeconds(worker.child.pid!) - cpu0
      const peak = sampler.stop()
      // What the worker's own process says of its memory when the batch ended (its job's log line).
      const line = worker.output().split('\n').find((l) => l.includes('scan batch processed') && l.includes(`"batch":${batch.id}`))
      const memoryMB = line ? (JSON.parse(line.slice(line.indexOf('{'))) as { memoryMB?: Record<string, number> }).memoryMB : undefined
      runs.push({ pages, idle, ...peak, analysedAtS: analysedAtS ?? NaN, seconds, copies: done.progress?.copiesFound ?? NaN, status: done.status, fileMB: bytes.length / MB, cpuS, loadAtStart, memoryMB })
      await timed(`${pages}-page worker stop`, () => cluster.stopWorker(worker))
    }
  } finally {
    await timed('memory runs: stop', cluster.close)
  }
  const base = runs[0]!
  const rows: Row[] = runs.map((r) => ({
    measure: `${r.pages} pages: worker peak RSS (VmHWM)`,
    value: `${(r.hwm / MB).toFixed(0)} MB`,
    detail: `${r === base ? 'baseline' : `${ratio(r.hwm, base.hwm)} the ${base.pages}-page peak`}; polled every 100 ms with children: ${(r.polledPeak / MB).toFixed(0)} MB (${r.children} child processes) at ${r.peakAtS.toFixed(0)} s (every page analysed at ${r.analysedAtS.toFixed(0)} s); idle after boot ${(r.idle / MB).toFixed(0)} MB; batch ${r.status}, ${r.copies} copies, ${r.seconds.toFixed(1)} s upload → done (${(r.pages / r.seconds).toFixed(1)} pages/s, worker ${(r.cpuS / r.seconds).toFixed(2)} cores), file ${r.fileMB.toFixed(1)} MB; load ${r.loadAtStart} at start; at the end (process.memoryUsage, MB): ${r.memoryMB ? Object.entries(r.memoryMB).map(([k, v]) => `${k} ${v}`).join(', ') : 'not logged'}`,
  }))
  printTable(
    `worker peak RSS as the batch grows (must stay flat)`,
    `one worker process (KORRIGO_JOBS=${SCAN_JOBS.join(',')}: the batch's job and its lanes, no identification), fresh per size, the app (KORRIGO_WORKER=external) apart, one throwaway database; pages: a4-class's 55 real A4 scans repeated; VmHWM of the worker (its worker threads included); baseline: the ${base.pages}-page batch`,
    rows,
  )
}

// Others' work on the machine skews every figure: wait up to BENCH_WAIT_LOAD s (default 90) for it to be quiet.
const idle = await waitForQuiet(Number(process.env.BENCH_WAIT_LOAD ?? 90))
const t0 = performance.now()
process.stdout.write(`workers bench: CPU ${(idle * 100).toFixed(0)} % idle, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at start\n`)
if (!SKIP.includes('class')) await classBench()
if (!SKIP.includes('rss')) await rssBench()
process.stdout.write(`\n(workers bench: ${((performance.now() - t0) / 1000).toFixed(0)} s in all: ${spent.join(', ')})\n`)
process.exit(0)
