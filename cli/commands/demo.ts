import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'

import cliProgress from 'cli-progress'

import { jobsOf } from '../../jobs/define-job'
import { bootRuntime } from '../../runtime/boot'
import { config } from '../../runtime/config'
import { getBatch, type PresetName } from '../../tools/papers/index'

const USAGE = 'usage: korrigo demo [--size small|class] [--force]'

const fail = (message: string, code = 2): number => {
  process.stderr.write(`korrigo demo: ${message}\n`)
  return code
}

const password = () => randomBytes(6).toString('base64url')

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * `korrigo demo`: fills an empty database with a demo class — roster, exam with a grading scale, a
 * teacher, and a batch of generated handwritten scans run through the real pipeline — so that a
 * newcomer sees real data in the admin and the portal in one command.
 */
export const run = async (argv: string[]): Promise<number> => {
  let values: { size?: string; force?: boolean }
  try {
    ;({ values } = parseArgs({ args: argv, options: { size: { type: 'string', default: 'small' }, force: { type: 'boolean', default: false } } }))
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`)
  }
  // the framed header on a printed subject, from the paper generator (tools/papers)
  const batchName: PresetName = values.size === 'class' ? 'framed-a3' : values.size === 'small' ? 'framed-a3-mini' : ('' as PresetName)
  if (!batchName) return fail(`--size must be small or class\n${USAGE}`)

  process.stderr.write('Generating the demo scans (handwriting fonts, first time only)…\n')
  let batch
  try {
    batch = await getBatch(batchName)
  } catch (error) {
    return fail((error as Error).message, 1)
  }

  const runtime = await bootRuntime({ name: `demo-${process.pid}`, processJobs: true })
  const { payload } = runtime
  try {
    if (!values.force && (await payload.count({ collection: 'exams', overrideAccess: true })).totalDocs > 0)
      return fail('the database already has exams: the demo only fills an empty one (use --force to add it anyway)', 1)

    const credentials: string[] = []
    if ((await payload.count({ collection: 'users', overrideAccess: true })).totalDocs === 0) {
      const adminPassword = password()
      await payload.create({ collection: 'users', data: { email: 'admin@korrigo.demo', password: adminPassword, role: 'admin', name: 'Admin démo' } })
      credentials.push(`admin    admin@korrigo.demo / ${adminPassword}`)
    }
    const teacherPassword = password()
    const teacher = await payload.create({
      collection: 'users',
      data: { email: `prof-${Date.now()}@korrigo.demo`, password: teacherPassword, role: 'teacher', name: 'Mme Lefort' },
    })
    credentials.push(`teacher  ${teacher.email} / ${teacherPassword}`)

    const className = '3e B (démo)'
    for (const student of batch.roster) {
      await payload.create({
        collection: 'students',
        data: {
          lastName: student.last_name,
          firstName: student.first_name,
          className,
          birthDate: student.dob,
          email: student.email ?? `${student.first_name}.${student.last_name}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '') + '@eleve.demo',
        },
      })
    }
    const exam = await payload.create({
      collection: 'exams',
      data: {
        title: 'Contrôle de mathématiques (démo)',
        subject: 'Mathématiques',
        className,
        date: new Date().toISOString(),
        layout: batch.truth.layout,
        pagesPerCopy: 4,
        correctors: [teacher.id],
        gradingScale: [
          { key: '1', label: 'Exercice 1 — fractions', maxPoints: 4, step: 0.5 },
          { key: '2', label: 'Exercice 2 — équations', maxPoints: 6, step: 0.5 },
          { key: '3', label: 'Exercice 3 — géométrie', maxPoints: 6, step: 0.25 },
          { key: '4', label: 'Rédaction', maxPoints: 4, step: 1 },
        ],
      },
    })

    const scan = await payload.create({
      collection: 'scan-batches',
      data: { exam: exam.id },
      file: { data: Buffer.from(batch.bytes), mimetype: 'application/pdf', name: `demo-${batchName}.pdf`, size: batch.bytes.length },
    })
    const bar = new cliProgress.SingleBar({ format: 'Processing scans |{bar}| {value}/{total} pages', hideCursor: true }, cliProgress.Presets.shades_classic)
    bar.start(batch.truth.pageCount, 0)
    let status = 'queued'
    while (!['done', 'partial', 'failed'].includes(status)) {
      await wait(500)
      const current = await payload.findByID({ collection: 'scan-batches', id: scan.id, depth: 0 })
      status = current.status ?? 'queued'
      bar.update(current.progress?.pagesDone ?? 0)
    }
    bar.stop()
    if (status === 'failed') return fail('the demo batch failed to process: see the scan batch in the admin', 1)

    // With the identification plugin, copies are matched to the roster in the background; without it,
    // release them for marking so the portal has something to show.
    const identifying = jobsOf(payload.config).some((job) => job.name === 'identify-exam')
    if (identifying) {
      process.stderr.write('Reading the handwritten names…\n')
      for (let i = 0; i < 600; i++) {
        const pending = await payload.count({ collection: 'copies', where: { and: [{ exam: { equals: exam.id } }, { 'identification.status': { equals: 'pending' } }] } })
        if (pending.totalDocs === 0) break
        await wait(1000)
      }
    } else {
      await payload.update({ collection: 'copies', where: { exam: { equals: exam.id } }, data: { status: 'ready' } })
    }
    const copies = await payload.count({ collection: 'copies', where: { exam: { equals: exam.id } } })
    const url = config().KORRIGO_PUBLIC_URL ?? `http://localhost:${config().PORT}`
    process.stdout.write(
      [
        '',
        `Demo ready: "${exam.title}", ${copies.totalDocs} copies from ${batch.truth.pageCount} scanned pages, ${batch.roster.length} students.`,
        ...credentials.map((line) => `  ${line}`),
        `  admin:  ${url}/admin`,
        `  portal: ${url}/portal/`,
        '',
      ].join('\n'),
    )
    return 0
  } finally {
    await runtime.stop()
  }
}
