// Issue 16, point 4: results day. 500 students sign in to the student space (e-mail + birth date), list their
// published copies and download the annotated PDF, 50 at a time, all from one address (a school's network:
// the per-IP limit counts failures only). The app runs in a child process (bench/scale/server.ts, jobs off);
// baseline in the same run: as many GET /api/health/live at the same concurrency.
// `npx tsx bench/scale/student-burst.ts`; BENCH_STUDENTS (default 500), BENCH_CONCURRENCY (default 50).
import { envNumber, ms, printTable, quantile, ratio, startServer, type Row } from './common'

const STUDENTS = envNumber('BENCH_STUDENTS', 500)
const CONCURRENCY = envNumber('BENCH_CONCURRENCY', 50)

type Step = { ms: number; status: number; bytes?: number }

/** `count` sequences, `width` at a time; each gives its steps' times. */
const burst = async (count: number, width: number, sequence: (i: number) => Promise<Step[]>) => {
  const results: (Step[] | Error)[] = new Array(count)
  let next = 0
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++
        results[i] = await sequence(i).catch((error: Error) => error)
      }
    }),
  )
  return { wallMs: performance.now() - t0, results }
}

const timed = async (url: string, init?: RequestInit): Promise<{ step: Step; response: Response; body: Buffer }> => {
  const t0 = performance.now()
  const response = await fetch(url, init)
  const body = Buffer.from(await response.arrayBuffer())
  return { step: { ms: performance.now() - t0, status: response.status, bytes: body.length }, response, body }
}

const main = async () => {
  const server = await startServer({
    scenario: 'students',
    env: { KORRIGO_STUDENT_SIGNIN_RATE_PER_MINUTE: '1000000', KORRIGO_DRAIN_MS: '2000', BENCH_STUDENTS: String(STUDENTS) },
  })
  try {
    const students = server.seed.students as { email: string; birthDate: string; copy: number }[]
    const { baseUrl } = server
    // Warm-up: one student's whole sequence, so the first ones measured do not pay for the JIT alone.
    const student = async (i: number): Promise<Step[]> => {
      const { email, birthDate, copy } = students[i % students.length]!
      const signIn = await timed(`${baseUrl}/api/student-space/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, birthDate }) })
      const cookie = signIn.response.headers.getSetCookie().find((c) => c.startsWith('korrigo-student='))?.split(';')[0]
      if (signIn.step.status !== 200 || !cookie) throw new Error(`sign-in ${signIn.step.status}: ${signIn.body.toString('utf8').slice(0, 200)}`)
      const list = await timed(`${baseUrl}/api/student-space/copies`, { headers: { cookie } })
      const listed = JSON.parse(list.body.toString('utf8')) as { copies?: { id: number }[] } | { id: number }[]
      const ids = (Array.isArray(listed) ? listed : (listed.copies ?? [])).map((c) => c.id)
      if (list.step.status !== 200 || !ids.includes(copy)) throw new Error(`copies ${list.step.status}: ${list.body.toString('utf8').slice(0, 200)}`)
      const pdf = await timed(`${baseUrl}/api/student-space/copies/${copy}/pdf?download=1`, { headers: { cookie } })
      if (pdf.step.status !== 200 || pdf.body.subarray(0, 5).toString() !== '%PDF-') throw new Error(`pdf ${pdf.step.status}`)
      return [signIn.step, list.step, pdf.step]
    }
    await student(0)
    await Promise.all(Array.from({ length: 50 }, () => fetch(`${baseUrl}/api/health/live`).then((r) => r.arrayBuffer())))

    const w0 = await server.window()
    const base = await burst(STUDENTS, CONCURRENCY, async () => [(await timed(`${baseUrl}/api/health/live`)).step])
    const baseWindow = await w0.stop()
    const w1 = await server.window()
    const run = await burst(STUDENTS, CONCURRENCY, student)
    const runWindow = await w1.stop()

    const ok = (r: Step[] | Error): r is Step[] => !(r instanceof Error)
    const errors = run.results.filter((r) => !ok(r)) as Error[]
    const sequences = run.results.filter(ok)
    const total = sequences.map((s) => s.reduce((a, b) => a + b.ms, 0))
    const step = (i: number) => sequences.map((s) => s[i]!.ms)
    const baseTimes = base.results.filter(ok).map((s) => s[0]!.ms)
    const sql = Object.values(runWindow.statements).reduce((a, b) => a + b, 0) / (sequences.length || 1)
    const topSql = Object.entries(runWindow.statements)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([k, n]) => `${k} ${(n / (sequences.length || 1)).toFixed(1)}`)
      .join(', ')
    const cores = (s: number, wallS: number) => (s / wallS).toFixed(2)
    const rows: Row[] = [
      { measure: `baseline: ${STUDENTS} × GET /api/health/live`, value: `${(base.wallMs / 1000).toFixed(2)} s`, detail: `concurrency ${CONCURRENCY}; p50 ${ms(quantile(baseTimes, 0.5))}, p99 ${ms(quantile(baseTimes, 0.99))}; errors ${base.results.length - baseTimes.length}; server event loop ${(baseWindow.elu * 100).toFixed(0)} % busy` },
      {
        measure: `${STUDENTS} students: sign-in, list, PDF download`,
        value: `${(run.wallMs / 1000).toFixed(1)} s`,
        detail: `concurrency ${CONCURRENCY}; ${ratio(run.wallMs, base.wallMs)} the baseline; ${(sequences.length / (run.wallMs / 1000)).toFixed(1)} students/s; errors ${errors.length}${errors.length ? ` (first: ${errors[0]!.message.slice(0, 80)})` : ''}`,
      },
      { measure: 'per student, whole sequence: p50 / p99', value: `${ms(quantile(total, 0.5))} / ${ms(quantile(total, 0.99))}`, detail: `p50 ${ratio(quantile(total, 0.5), quantile(baseTimes, 0.5))}, p99 ${ratio(quantile(total, 0.99), quantile(baseTimes, 0.99))} the baseline's request; max ${ms(Math.max(...total))}` },
      { measure: '  sign-in (POST /api/student-space/sign-in): p50 / p99', value: `${ms(quantile(step(0), 0.5))} / ${ms(quantile(step(0), 0.99))}`, detail: 'address lookup, per-address lock (locks collection), counters written, per-IP failure counter in the database' },
      { measure: '  list (GET /api/student-space/copies): p50 / p99', value: `${ms(quantile(step(1), 0.5))} / ${ms(quantile(step(1), 0.99))}`, detail: 'published copies, exams, grades, rubric texts' },
      { measure: '  PDF (GET …/copies/:id/pdf?download=1): p50 / p99', value: `${ms(quantile(step(2), 0.5))} / ${ms(quantile(step(2), 0.99))}`, detail: `${(server.seed.pdfBytes / 1024).toFixed(0)} KB each (a 4-page copy with 50 annotations and its summary page), read from disk` },
      {
        measure: 'server during the burst',
        value: `${sql.toFixed(1)} SQL/student`,
        detail: `event loop ${(runWindow.elu * 100).toFixed(0)} % busy; cores used: app ${cores(runWindow.serverCpuS, runWindow.wallS)}, postgres ${cores(runWindow.postgresCpuS, runWindow.wallS)}; most frequent: ${topSql}`,
      },
    ]
    printTable(
      `student space on results day: ${STUDENTS} students, ${CONCURRENCY} at a time`,
      `app in a child process (node --import tsx bench/scale/server.ts, jobs off, Payload pool ${process.env.KORRIGO_DB_POOL ?? 10}), fetch (undici) from this process, every request from 127.0.0.1, PostgreSQL 127.0.0.1:5432 on the same machine`,
      rows,
    )
  } finally {
    await server.close()
  }
}

await main()
process.exit(0)
