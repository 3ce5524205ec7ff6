// The real app for the scale benchmarks, in its own process (forked by common.ts `startServer`): a throwaway
// database, the committed migrations, the Express app on a free port, then a seed (`marking` or `students`),
// then it answers the parent over IPC: windows (event-loop utilisation and CPU time), a CPU profile through
// the inspector, close.
import fs from 'node:fs'
import { Session } from 'node:inspector/promises'
import { AsyncLocalStorage } from 'node:async_hooks'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import type { Payload } from 'payload'

import { storeMedia } from '../../storage/uploads'
import { makeCopyPdf, SCALE } from '../../tests/e2e/portal/seed'
import { startTestApp } from '../../tests/int/helpers/app'
import { annotationsForBurnIn } from './annotations'

const scenario = process.argv[2] as 'marking' | 'students'
export const TEACHER_PASSWORD = 'teacher-password-1'

/** `count` tasks, `width` at a time (password hashing runs on libuv's pool: more than its 4 threads only queue). */
const pool = async <T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> => {
  const out: T[] = new Array(count)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) {
        const i = next++
        out[i] = await task(i)
      }
    }),
  )
  return out
}

/** 100 teachers, all correctors of one exam of 100 "ready" copies (one page each), nothing distributed. */
const seedMarking = async (payload: Payload) => {
  const teachers = Number(process.env.BENCH_TEACHERS ?? 100)
  const copies = Number(process.env.BENCH_COPIES ?? teachers)
  await payload.create({ collection: 'users', data: { email: 'admin@school.test', password: 'admin-password-1', role: 'admin', name: 'Admin' } })
  const users = await pool(teachers, 4, (i) =>
    payload.create({ collection: 'users', data: { email: `teacher${i + 1}@school.test`, password: TEACHER_PASSWORD, role: 'teacher', name: `Teacher ${i + 1}` } }),
  )
  const exam = await payload.create({
    collection: 'exams',
    data: { title: 'Maths — bac blanc', subject: 'Maths', className: 'Terminale', gradingScale: SCALE, correctors: users.map((u) => u.id), status: 'marking' } as never,
  })
  const made = await pool(copies, 4, (i) =>
    payload.create({
      collection: 'copies',
      data: { exam: exam.id, status: 'ready', anonymousId: `K-${String(i + 1).padStart(4, '0')}`, pages: [{ sourcePage: 1, region: 'full', rotation: 0 }] } as never,
    }),
  )
  return { exam: exam.id, teachers: users.map((u) => ({ id: u.id, email: u.email })), copies: made.map((c) => c.id), password: TEACHER_PASSWORD }
}

/**
 * 500 students, each with one finalized copy of a published exam whose annotated PDF is stored (one real
 * render: a 4-page copy with 50 annotations and the summary page, the same bytes stored for every copy, a
 * file each). Made the way tests/int/student-space/seed.ts makes its physics copy: created in marking, then
 * finalized with a publication date, with the jobs off so no render replaces the file.
 */
const seedStudents = async (payload: Payload) => {
  const count = Number(process.env.BENCH_STUDENTS ?? 500)
  const { renderAnnotatedPdf } = await import('../../plugins/publication/lib')
  const rendered = await renderAnnotatedPdf({
    copyPdf: await makeCopyPdf({ pages: 4 }),
    annotations: annotationsForBurnIn({ pages: 4, count: 50 }),
    grades: [
      { questionKey: 'Q1', points: 3.5, comment: 'Bien' },
      { questionKey: 'Q2', points: 4 },
      { questionKey: 'Q3', points: 2 },
    ],
    scale: SCALE,
    examTitle: 'Maths — bac blanc',
    anonymousId: 'K-0001',
  })
  const exam = await payload.create({
    collection: 'exams',
    data: { title: 'Maths — bac blanc', subject: 'Maths', className: 'Terminale', gradingScale: SCALE, status: 'published' } as never,
  })
  const publishedAt = new Date(Date.now() - 60_000).toISOString()
  const students = await pool(count, 4, async (i) => {
    const email = `eleve${i + 1}@lycee.test`
    const birthDate = `2008-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`
    const student = await payload.create({
      collection: 'students',
      data: { lastName: `Élève${i + 1}`, firstName: 'Camille', birthDate, email, className: 'Terminale' },
    })
    const copy = await payload.create({
      collection: 'copies',
      data: { exam: exam.id, status: 'marking', student: student.id, anonymousId: `K-${String(i + 1).padStart(4, '0')}` } as never,
      overrideAccess: true,
    })
    const media = await storeMedia({ payload, bytes: rendered.pdf, name: `K-${i + 1}-annotated.pdf`, mimetype: 'application/pdf', data: { kind: 'annotated-pdf', exam: exam.id, copy: copy.id } })
    await payload.update({ collection: 'copies', id: copy.id, data: { status: 'finalized', publishedAt, annotatedPdf: media.id } as never, overrideAccess: true, depth: 0 })
    return { email, birthDate, copy: copy.id }
  })
  return { exam: exam.id, students, pdfBytes: rendered.pdf.length }
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
Error.stackTraceLimit = 40

/** Every SQL statement this process sends (Payload's pool and Agenda's), counted by verb and first table while a window is open. */
const statements = new Map<string, number>()
let counting = false
/** While tracing: the Korrigo frames (file:line function) each statement was sent from, by statement key. */
const callSites = new Map<string, number>()
let tracing = false
const korrigoFrames = (stack: string): string =>
  stack
    .split('\n')
    .slice(1)
    .filter((line) => line.includes(root) && !line.includes('/node_modules/') && !line.includes('/bench/scale/'))
    .slice(0, 3)
    .map((line) => line.trim().replace(/^at (async )?/, '').replace(`${root}/`, '').replace(/\(|\)|file:\/\//g, ''))
    .join(' ← ') || '(Payload itself: no Korrigo frame)'
const keyOf = (text: string): string => {
  const verb = /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase() ?? '?'
  const table = /\b(?:from|into|update)\s+"?([\w-]+)"?/i.exec(text)?.[1] ?? ''
  return `${verb} ${table}`.trim()
}
// Payload's adapter has its own copy of pg (node_modules/@payloadcms/db-postgres/node_modules/pg): both counted.
const requireHere = createRequire(import.meta.url)
for (const where of ['pg', path.join(root, 'node_modules/@payloadcms/db-postgres/node_modules/pg')]) {
  let Client: { prototype: { query: (...args: unknown[]) => unknown } }
  try {
    Client = requireHere(where).Client
  } catch {
    continue
  }
  const query = Client.prototype.query
  Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    if (counting) {
      const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? '')
      const key = keyOf(text)
      statements.set(key, (statements.get(key) ?? 0) + 1)
    }
    if (tracing) {
      const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? '')
      const site = `${keyOf(text)} ⇐ ${caller.getStore() ?? 'the REST operation itself (access, its own read and write, afterRead)'}`
      callSites.set(site, (callSites.get(site) ?? 0) + 1)
    }
    return query.apply(this, args)
  }
}

/**
 * The SQL's origin: Payload's query builder loses async stack traces, so each local-API and adapter call
 * made from Korrigo's code is labelled with its caller (a synchronous stack) for the statements it sends.
 */
const caller = new AsyncLocalStorage<string>()
const labelCalls = (payload: Payload) => {
  const wrap = (target: Record<string, unknown>, names: string[], prefix: string) => {
    for (const name of names) {
      const original = target[name] as ((...args: unknown[]) => unknown) | undefined
      if (typeof original !== 'function') continue
      target[name] = function (this: unknown, ...args: unknown[]) {
        if (!tracing) return original.apply(this, args)
        const collection = (args[0] as { collection?: string } | undefined)?.collection ?? ''
        const frames = korrigoFrames(new Error().stack ?? '')
        if (frames.startsWith('(')) return original.apply(this, args)
        return caller.run(`${prefix}${name}(${collection}) in ${frames}`, () => original.apply(this, args))
      }
    }
  }
  wrap(payload as unknown as Record<string, unknown>, ['find', 'findByID', 'update', 'create', 'count', 'delete'], 'payload.')
  wrap(payload.db as unknown as Record<string, unknown>, ['find', 'findOne', 'updateOne', 'create', 'count', 'deleteMany'], 'payload.db.')
}

const main = async () => {
  const app = await startTestApp({ processJobs: scenario !== 'students' })
  labelCalls(app.runtime.payload)
  const seed = scenario === 'marking' ? await seedMarking(app.runtime.payload) : await seedStudents(app.runtime.payload)
  const session = new Session()
  session.connect()
  let window: { elu: ReturnType<typeof performance.eventLoopUtilization>; cpu: NodeJS.CpuUsage; t0: number } | undefined
  process.on('message', async (m: { type: string }) => {
    if (m.type === 'window-start') {
      window = { elu: performance.eventLoopUtilization(), cpu: process.cpuUsage(), t0: performance.now() }
      statements.clear()
      counting = true
      process.send!({ type: 'window-started' })
    } else if (m.type === 'window-stop' && window) {
      const elu = performance.eventLoopUtilization(window.elu).utilization
      const cpu = process.cpuUsage(window.cpu)
      counting = false
      process.send!({ type: 'window', elu, cpuS: (cpu.user + cpu.system) / 1e6, wallS: (performance.now() - window.t0) / 1000, statements: Object.fromEntries(statements) })
    } else if (m.type === 'trace-start') {
      callSites.clear()
      tracing = true
      process.send!({ type: 'trace-started' })
    } else if (m.type === 'trace-stop') {
      tracing = false
      process.send!({ type: 'trace', callSites: Object.fromEntries(callSites) })
    } else if (m.type === 'profile-start') {
      await session.post('Profiler.enable')
      await session.post('Profiler.setSamplingInterval', { interval: 500 })
      await session.post('Profiler.start')
      process.send!({ type: 'profile-started' })
    } else if (m.type === 'profile-stop') {
      const { profile } = await session.post('Profiler.stop')
      const file = path.join(os.tmpdir(), `korrigo-bench-${scenario}-${process.pid}.cpuprofile`)
      fs.writeFileSync(file, JSON.stringify(profile))
      process.send!({ type: 'profile', file })
    } else if (m.type === 'close') {
      session.disconnect()
      await app.close()
      process.exit(0)
    }
  })
  // The parent gone (killed, crashed), nothing is left to close this app: go too.
  process.on('disconnect', () => process.exit(1))
  process.send!({ type: 'ready', baseUrl: app.baseUrl, database: app.database.url, seed })
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
