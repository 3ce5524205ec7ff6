// Issue 18's copier mock bac through the real app, as a school would use it: the school-software class list
// imported, the exam with its blank subject (or without), the copier's A3 batch uploaded, then the annex file
// later; ingestion, the join of a student's sheets, identification and the written page order all run as jobs.
// Scored against the generator's truth. `npx tsx bench/copier.ts --help`.
import type { Agenda } from 'agenda'
import type { Payload } from 'payload'

import { getScenario, copierMockBac, type Scenario } from '../tools/papers/index.js'
import { startTestApp } from '../tests/int/helpers/app.js'
import { CUT_AND_NAME_JOBS } from '../tests/int/helpers/jobs.js'
import { signIn } from '../tests/int/helpers/http.js'
import { uploadBatch, waitForBatch } from '../tests/int/helpers/scans.js'
import type { Id } from '../tests/int/helpers/seed.js'
import { benchArgs, wholeNumber } from './args.js'
import { rotationsOf, storedRegion } from './truth-regions.js'

export type CopierCopyResult = {
  /** the student of the truth */
  student: string
  /** what the app decided: the student's name, 'review' (left at the desk) or a wrong name */
  named: 'right' | 'review' | 'wrong'
  /** the copy holding this student's first sheet has exactly the truth's pages, in the written order */
  pagesInOrder: boolean
  /** the student's annex pages are in that copy (undefined: no annex) */
  annexAttached?: boolean
  /** the truth's missing pages are named in the copy's anomalies (undefined: nothing missing) */
  missingReported?: boolean
  detail: string
}

export type CopierRun = {
  rosterRows: number
  studentsImported: number
  copies: number
  expectedCopies: number
  results: CopierCopyResult[]
  /** pages of both files in no copy, and in more than one */
  pagesLost: number
  pagesTwice: number
  /** copies holding the annex file's pages (one per sheet when cut as loose sheets, or joined) */
  annexCopies: number
  /** annexes put in the copy of another student (the one join that must never happen) */
  annexesWrong: number
  /** what the batches say of the exam's blank subject when they could not cut on it (a run with the subject must have none) */
  subjectProblems: string[]
  seconds: number
}

type PageRef = { batch: Id; sourcePage: number; region: string }

const keyOf = (batch: Id, page: { sourcePage: number; region: string }) => `${batch}:${page.sourcePage}${page.region}`

const waitForSettledCopies = async ({ payload, agenda, exam, timeoutMs }: { payload: Payload; agenda: Agenda; exam: Id; timeoutMs: number }) => {
  const deadline = Date.now() + timeoutMs
  let last = ''
  let stableSince = Date.now()
  while (Date.now() < deadline) {
    const copies = (await payload.find({ collection: 'copies', where: { exam: { equals: exam } }, limit: 0, pagination: false, depth: 0, overrideAccess: true, sort: 'createdAt' })).docs as any[]
    // Only the jobs this app runs: the others (redaction…) stay queued for ever here.
    const busy = (await Promise.all(CUT_AND_NAME_JOBS.flatMap((name) => (['running', 'queued'] as const).map(async (state) => (await agenda.queryJobs({ name, state, limit: 1 })).total)))).some((n) => n > 0)
    const settled = copies.length > 0 && copies.every((c) => c.identification?.status && c.identification.status !== 'pending')
    // The join, the page order and the names are written by one job after another: settled means nothing moved for a while.
    const state = JSON.stringify(copies.map((c) => [c.id, c.identification?.status, c.student, c.pages?.length, c.anomalies]))
    if (state !== last) (last = state), (stableSince = Date.now())
    if (settled && !busy && Date.now() - stableSince > 5000) return copies
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`exam ${exam}: copies not settled within ${timeoutMs} ms`)
}

/**
 * `dump`: a JSON file with every copy's readings, its batch's cut, the students and the truth's student of each
 * copy's pages, to study the join and the names offline (`npx tsx bench/copier.ts --dump /tmp/copies.json`).
 */
export const runCopierScenario = async ({ scenario, withSubject = true, dump }: { scenario: Scenario; withSubject?: boolean; dump?: string }): Promise<CopierRun> => {
  const [main, annex] = scenario.batches
  if (!main || !annex) throw new Error('the copier scenario has a main batch and an annex batch')
  const app = await startTestApp({ jobs: CUT_AND_NAME_JOBS })
  const { payload } = app.runtime
  try {
    await payload.create({ collection: 'users', data: { email: 'admin@school.test', password: 'admin-password-1', role: 'admin', name: 'Admin' } as never })
    const admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
    const form = new FormData()
    form.append('file', new Blob([scenario.roster], { type: 'text/csv' }), 'export-pronote.csv')
    const imported = await admin.request('POST', '/api/identification/roster', form)
    if (imported.status >= 300) throw new Error(`roster import answered ${imported.status}: ${JSON.stringify(imported.body)}`)
    const rosterRows = scenario.roster.replace(/^\uFEFF/, '').trim().split(/\r?\n/).length - 1
    const studentsImported = (await payload.count({ collection: 'students', overrideAccess: true })).totalDocs

    const className = main.truth.copies.find((c) => c.student)?.student?.class ?? null
    const subject = withSubject
      ? await payload.create({ collection: 'media', overrideAccess: true, data: { kind: 'subject' } as never, file: { data: Buffer.from(scenario.subject), mimetype: 'application/pdf', name: 'sujet.pdf', size: scenario.subject.length } })
      : undefined
    const exam = await payload.create({ collection: 'exams', overrideAccess: true, data: { title: 'Bac blanc — Mathématiques', className, layout: 'auto', ...(subject ? { blankSubject: subject.id } : {}) } as never })

    const t0 = performance.now()
    const mainBatch = await uploadBatch({ client: admin, exam: exam.id, name: main.fileName, bytes: main.bytes })
    await waitForBatch({ payload, id: mainBatch.id, timeoutMs: 900_000 })
    await waitForSettledCopies({ payload, agenda: app.runtime.agenda, exam: exam.id, timeoutMs: 1_200_000 })
    // The annex file comes later, as a teacher brings the annexes the next day.
    const annexBatch = await uploadBatch({ client: admin, exam: exam.id, name: annex.fileName, bytes: annex.bytes })
    await waitForBatch({ payload, id: annexBatch.id, timeoutMs: 900_000 })
    const copies = await waitForSettledCopies({ payload, agenda: app.runtime.agenda, exam: exam.id, timeoutMs: 1_200_000 })
    const seconds = (performance.now() - t0) / 1000

    const students = new Map((await payload.find({ collection: 'students', limit: 0, pagination: false, depth: 0, overrideAccess: true })).docs.map((s: any) => [String(s.id), s]))
    const nameOf = (id: unknown) => {
      const s = students.get(String(id))
      return s ? `${s.lastName} ${s.firstName}` : 'nobody'
    }
    const pagesOf = (copy: any): PageRef[] => (copy.pages ?? []).map((p: any) => ({ batch: typeof p.batch === 'object' ? p.batch.id : p.batch, sourcePage: p.sourcePage, region: p.region }))
    const [mainTurns, annexTurns] = await Promise.all([rotationsOf(main.bytes), rotationsOf(annex.bytes)])
    const truthKey = (batch: Id, turns: number[], p: { source_page: number; region: string }) => keyOf(batch, { sourcePage: p.source_page, region: storedRegion(p.region, turns[p.source_page - 1] ?? 0) })
    const readOf = (copy: any) => {
      const fields = copy.identification?.readings?.fields ?? {}
      return Object.entries(fields).map(([k, v]: [string, any]) => `${k} "${v?.[0]?.text ?? ''}"`).join(', ')
    }
    // Where an annex ended up instead: its copy's verdict and what was read on it.
    const annexWhere = (truth: (typeof annex.truth.copies)[number]) => {
      const key = truthKey(annexBatch.id, annexTurns, truth.pages[0]!)
      const copy = copies.find((c) => pagesOf(c).some((p) => keyOf(p.batch, p) === key))
      return copy ? `its copy ${copy.identification?.status ?? '?'}, ${nameOf(copy.student)}, read ${readOf(copy)}` : 'in no copy'
    }
    const results: CopierCopyResult[] = []
    for (const [index, truthCopy] of main.truth.copies.entries()) {
      if (!truthCopy.student) continue
      const student = `${truthCopy.student.last_name} ${truthCopy.student.first_name}`
      const first = truthCopy.pages[0]!
      const firstKey = truthKey(mainBatch.id, mainTurns, first)
      const holder = copies.find((c) => pagesOf(c).some((p) => keyOf(p.batch, p) === firstKey))
      const annexTruth = annex.truth.copies.find((c) => c.belongsTo?.copy === index)
      if (!holder) {
        results.push({ student, named: 'review', pagesInOrder: false, annexAttached: annexTruth ? false : undefined, missingReported: truthCopy.missingPages?.length ? false : undefined, detail: `no copy holds its first page ${firstKey}` })
        continue
      }
      const named = holder.identification?.status === 'identified' ? (nameOf(holder.student) === student ? 'right' : 'wrong') : 'review'
      const held = pagesOf(holder).map((p) => keyOf(p.batch, p))
      const mainPages = held.filter((k) => k.startsWith(`${mainBatch.id}:`))
      const expected = truthCopy.pages.map((p) => truthKey(mainBatch.id, mainTurns, p))
      const pagesInOrder = JSON.stringify(mainPages) === JSON.stringify(expected)
      const annexAttached = annexTruth
        ? annexTruth.pages.every((p) => held.includes(truthKey(annexBatch.id, annexTurns, p)))
        : undefined
      const missingReported = truthCopy.missingPages?.length
        ? (holder.anomalies ?? []).some((a: string) => truthCopy.missingPages!.every((n) => new RegExp(`\\b${n}\\b`).test(a)))
        : undefined
      const detail = [
        named === 'wrong' ? `named ${nameOf(holder.student)}` : '',
        named === 'right' ? '' : `read ${readOf(holder)}`,
        pagesInOrder ? '' : `pages ${mainPages.join(' ')} (truth ${expected.join(' ')})`,
        annexAttached === false ? `annex not attached (${annexWhere(annexTruth!)})` : '',
        missingReported === false ? `anomalies ${JSON.stringify(holder.anomalies ?? [])}` : '',
      ].filter(Boolean).join('; ')
      results.push({ student, named, pagesInOrder, annexAttached, missingReported, detail })
    }
    const placed = new Map<string, number>()
    for (const c of copies) for (const p of pagesOf(c)) placed.set(keyOf(p.batch, p), (placed.get(keyOf(p.batch, p)) ?? 0) + 1)
    const everyPage = [
      ...main.truth.copies.flatMap((c) => c.pages.map((p) => truthKey(mainBatch.id, mainTurns, p))),
      ...annex.truth.copies.flatMap((c) => c.pages.map((p) => truthKey(annexBatch.id, annexTurns, p))),
    ]
    const pagesLost = everyPage.filter((k) => !placed.has(k)).length
    const pagesTwice = [...placed.values()].filter((n) => n > 1).length
    const annexCopies = copies.filter((c) => pagesOf(c).some((p) => String(p.batch) === String(annexBatch.id))).length
    const mainOwner = new Map(main.truth.copies.flatMap((c, index) => c.pages.map((p) => [truthKey(mainBatch.id, mainTurns, p), index] as const)))
    const annexesWrong = annex.truth.copies.filter((truthAnnex) => {
      const key = truthKey(annexBatch.id, annexTurns, truthAnnex.pages[0]!)
      const holder = copies.find((c) => pagesOf(c).some((p) => keyOf(p.batch, p) === key))
      const owners = new Set(pagesOf(holder ?? {}).flatMap((p) => mainOwner.get(keyOf(p.batch, p)) ?? []))
      return [...owners].some((owner) => owner !== truthAnnex.belongsTo?.copy)
    }).length
    const batchDocs = await payload.find({ collection: 'scan-batches', limit: 0, pagination: false, depth: 0, overrideAccess: true })
    const subjectProblems = batchDocs.docs.flatMap((b: any) => (b.problems ?? []).filter((p: any) => p.code === 'subject_unusable').map((p: any) => `batch ${b.id}: ${p.message}`))
    if (dump) {
      const truthOf = new Map<string, string>()
      main.truth.copies.forEach((c) => c.pages.forEach((p) => truthOf.set(truthKey(mainBatch.id, mainTurns, p), c.student ? `${c.student.last_name} ${c.student.first_name}` : 'nobody')))
      for (const c of annex.truth.copies) {
        const owner = main.truth.copies[c.belongsTo?.copy ?? -1]?.student
        c.pages.forEach((p) => truthOf.set(truthKey(annexBatch.id, annexTurns, p), owner ? `${owner.last_name} ${owner.first_name}` : 'nobody'))
      }
      const { writeFile } = await import('node:fs/promises')
      await writeFile(
        dump,
        JSON.stringify({
          students: [...students.values()].map((s) => ({ id: s.id, lastName: s.lastName, firstName: s.firstName, birthDate: s.birthDate, rosterName: s.rosterName })),
          batches: batchDocs.docs.map((b: any) => ({ id: b.id, cutOn: { boundary: b.cutOn?.boundary, looseSheets: b.cutOn?.looseSheets } })),
          copies: copies.map((c) => ({
            id: c.id,
            student: c.student,
            identification: { status: c.identification?.status, readings: c.identification?.readings },
            pages: pagesOf(c),
            truth: [...new Set(pagesOf(c).map((p) => truthOf.get(keyOf(p.batch, p)) ?? '?'))],
          })),
        }),
      )
    }
    await app.runtime.agenda.drain(120_000)
    return { rosterRows, studentsImported, copies: copies.length, expectedCopies: results.length, results, pagesLost, pagesTwice, annexCopies, annexesWrong, subjectProblems, seconds }
  } finally {
    await app.close()
  }
}

const count = (results: CopierCopyResult[], test: (r: CopierCopyResult) => boolean | undefined) => results.filter(test).length

export const summarize = (run: CopierRun) => {
  const { results } = run
  const annexes = results.filter((r) => r.annexAttached !== undefined)
  const missing = results.filter((r) => r.missingReported !== undefined)
  return {
    'roster rows → students': `${run.rosterRows} → ${run.studentsImported}`,
    copies: `${run.copies} (truth ${run.expectedCopies})`,
    'named right': count(results, (r) => r.named === 'right'),
    'named wrong': count(results, (r) => r.named === 'wrong'),
    'at the desk': count(results, (r) => r.named === 'review'),
    'pages in written order': `${count(results, (r) => r.pagesInOrder)}/${results.length}`,
    'annex attached': `${count(annexes, (r) => r.annexAttached)}/${annexes.length}`,
    'annex in a wrong copy': run.annexesWrong,
    'missing page reported': `${count(missing, (r) => r.missingReported)}/${missing.length}`,
    'pages lost / twice': `${run.pagesLost} / ${run.pagesTwice}`,
    'copies with annex pages': run.annexCopies,
    seconds: run.seconds.toFixed(0),
  }
}

const USAGE = `usage: npx tsx bench/copier.ts [--held-out] [--no-subject] [--seed <n>] [--dump <copies.json>]
  --held-out    the scenario in the fonts no reader was tuned on (seed 2801 unless --seed)
  --no-subject  the exam without its blank subject
  --seed <n>    another class of the same scenario, drawn afresh (not cached): hands and answers no rule was tuned on
  --dump <file> every copy's readings, cut and truth as JSON
`

if (import.meta.url === `file://${process.argv[1]}`) {
  const values = benchArgs({ usage: USAGE, options: { 'held-out': { type: 'boolean' }, 'no-subject': { type: 'boolean' }, seed: { type: 'string' }, dump: { type: 'string' } } })
  const seed = wholeNumber({ name: 'seed', value: values.seed, usage: USAGE })
  const heldOut = Boolean(values['held-out'])
  const withSubject = !values['no-subject']
  const scenario = seed !== undefined || heldOut ? await copierMockBac({ seed: seed ?? 2801, fonts: heldOut ? 'heldOut' : 'tuned' }) : await getScenario('copier-mock-bac')
  const run = await runCopierScenario({ scenario, withSubject, dump: values.dump })
  for (const r of run.results) if (r.detail) process.stderr.write(`${r.student}: ${r.detail}\n`)
  for (const problem of run.subjectProblems) process.stderr.write(`${problem}\n`)
  console.table([{ fonts: `${heldOut ? 'held out' : 'tuned'} (seed ${seed ?? (heldOut ? 2801 : 1801)})`, subject: withSubject ? 'yes' : 'no', ...summarize(run) }])
  process.exit(0)
}
