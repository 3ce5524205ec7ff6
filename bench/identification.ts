// Identification on a generated class: the real app (PostgreSQL, Agenda, the identify-exam job),
// a 30-student roster with near-duplicate absentees. `npx tsx bench/identification.ts [a4-class]`.
import { getBatch, type BatchName } from '../tests/fixtures/scans/index.js'
import { ROSTER } from '../tests/fixtures/scans/content.js'
import { startTestApp } from '../tests/int/helpers/app.js'
import { signIn } from '../tests/int/helpers/http.js'
import { uploadBatch, waitForBatch } from '../tests/int/helpers/scans.js'
import { seedClass } from '../tests/int/helpers/seed.js'
import { CLASS, csvOf, scoreIdentification, waitForIdentification } from '../tests/int/identification/helpers.js'

export type IdentificationRow = { batch: string; copies: number; named: number; roster: number; identified: number; wrong: number; precision: number; coverage: number; seconds: number; secondsPerCopy: number }

// Absent students chosen to be hard: one letter away from someone who sat the exam.
const NEAR_DUPLICATES = [
  { last_name: 'MARTINS', first_name: 'Lucas' },
  { last_name: 'DUBOIS', first_name: 'Hugues' },
  { last_name: 'THOMAS', first_name: 'Lea' },
  { last_name: 'BERNARD', first_name: 'Emmy' },
]

export const runIdentificationBench = async ({ name = 'a4-class' as BatchName, rosterSize = 30, jobs }: { name?: BatchName; rosterSize?: number; jobs?: string[] } = {}): Promise<IdentificationRow> => {
  const { bytes, truth } = await getBatch(name)
  const present = truth.copies.flatMap((c) => (c.student ? [c.student] : []))
  const seen = new Set(present.map((s) => `${s.last_name}|${s.first_name}`))
  // The unnamed copy's writer is in the class too: one more ROSTER student, never named on a header.
  const others = ROSTER.filter((s) => !seen.has(`${s.last_name}|${s.first_name}`))
  const roster = [...present, ...others, ...NEAR_DUPLICATES].slice(0, rosterSize)

  const app = await startTestApp({ jobs })
  try {
    await seedClass(app.runtime.payload)
    const admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
    const form = new FormData()
    form.append('file', new Blob([csvOf(roster)], { type: 'text/csv' }), 'roster.csv')
    await admin.request('POST', '/api/identification/roster', form)
    const exam = await app.runtime.payload.create({ collection: 'exams', data: { title: `Bench ${name}`, className: CLASS, layout: truth.layout } as never })
    const batch = await uploadBatch({ client: admin, exam: exam.id, name: `${name}.pdf`, bytes })
    await waitForBatch({ payload: app.runtime.payload, id: batch.id, timeoutMs: 900_000 })
    const t0 = performance.now()
    const copies = await waitForIdentification({ payload: app.runtime.payload, exam: exam.id, timeoutMs: 1_800_000 })
    const seconds = (performance.now() - t0) / 1000
    const score = await scoreIdentification({ payload: app.runtime.payload, copies, truth })
    if (score.wrongs.length) process.stderr.write(`wrong names:\n${score.wrongs.join('\n')}\n`)
    await app.runtime.agenda.drain(120_000)
    return {
      batch: name,
      copies: copies.length,
      named: score.named,
      roster: roster.length,
      identified: score.right + score.wrong,
      wrong: score.wrong,
      precision: score.precision,
      coverage: score.coverage,
      seconds,
      secondsPerCopy: seconds / copies.length,
    }
  } finally {
    await app.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const row = await runIdentificationBench({ name: (process.argv[2] as BatchName | undefined) ?? 'a4-class' })
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`
  console.table([{ batch: row.batch, copies: row.copies, 'named copies': row.named, roster: row.roster, 'auto-named': row.identified, wrong: row.wrong, precision: pct(row.precision), coverage: pct(row.coverage), 'identify s': row.seconds.toFixed(1), 's/copy': row.secondsPerCopy.toFixed(2) }])
  process.exit(0)
}
