import { accessSync, constants, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import cliProgress from 'cli-progress'
import { ScanInputError, processScan, readSubject, type LayoutOption, type SubjectModel } from '../../plugins/scan-pipeline/lib/index'
import { identifyCopies, toMatchStudent, type CopyReading } from '../../plugins/identification/lib/match/index'
import { framedHeaderBox, readCopies } from '../../plugins/identification/lib/pipeline/readCopies'
import type { RosterStudent } from '../../plugins/identification/lib/roster/index'
import { openHeaderReaders } from '../../plugins/identification/services/engines'
import type { PackedMask, PageAnalysis, PlannedCopy } from '../../plugins/scan-pipeline/lib/index'
import { RosterFileError, loadRoster } from '../lib/loadRoster'

const USAGE =
  'usage: korrigo process SCANS.pdf --roster ROSTER.csv --out DIR [--subject SUBJECT.pdf] [--layout auto|a4|a3-booklet] [--pages-per-copy N] [--concurrency N] [--skip-identification]'

const HELP = `${USAGE}

Cuts a batch of scanned exam papers into one PDF per copy (DIR/copy-NNN.pdf) and names each copy from
its handwritten header when sure; DIR/copies.json says, per copy, its pages (source_page, region,
rotation, blank, subject_page when known), the evidence that decided where it starts
(evidence: boundary, margin, unsure), its student or null, and its status.

  --roster ROSTER.csv      the class list (CSV)
  --out DIR                where the copies and copies.json are written
  --subject SUBJECT.pdf    the exam's blank subject (the original PDF): each scanned page is matched to
                           one of its pages, which decides where copies start and in which order pages go
  --layout L               auto (default), a4 or a3-booklet
  --pages-per-copy N       the usual number of pages of a copy (a hint, never a rule)
  --concurrency N          pages analysed at once
  --skip-identification    only cut the batch, name nobody
  -h, --help               this help
`
const LAYOUTS: LayoutOption[] = ['auto', 'a4', 'a3-booklet']

export const copyFileName = (index: number): string => `copy-${String(index + 1).padStart(3, '0')}.pdf`

const fail = (message: string, code = 2): number => {
  process.stderr.write(`korrigo process: ${message}\n`)
  return code
}

export const run = async (argv: string[]): Promise<number> => {
  let values: Record<string, string | undefined>
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        roster: { type: 'string' },
        out: { type: 'string' },
        layout: { type: 'string', default: 'auto' },
        'pages-per-copy': { type: 'string' },
        concurrency: { type: 'string' },
        'skip-identification': { type: 'boolean', default: false },
        subject: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }) as unknown as { values: Record<string, string | undefined>; positionals: string[] })
  } catch (err) {
    return fail(`${(err as Error).message}\n${USAGE}`)
  }
  if (values.help) {
    process.stdout.write(HELP)
    return 0
  }
  const [scans] = positionals
  if (!scans || !values.roster || !values.out) return fail(USAGE)
  const layout = values.layout as LayoutOption
  if (!LAYOUTS.includes(layout)) return fail(`--layout must be one of ${LAYOUTS.join(', ')}`)

  let roster: RosterStudent[]
  try {
    const parsed = loadRoster(values.roster)
    roster = parsed.students
    for (const e of parsed.errors) process.stderr.write(`  roster ${values.roster} line ${e.line}: ${e.message}\n`)
  } catch (err) {
    if (err instanceof RosterFileError) return fail(err.message)
    throw err
  }
  const rosterSize = roster.length
  // Read where it lies by the pipeline (never whole): only checked here, so a wrong path says so at once.
  try {
    accessSync(scans, constants.R_OK)
    if (!statSync(scans).isFile()) throw new Error('not a file')
  } catch (err) {
    return fail(`${scans}: cannot read the file (${(err as Error).message})`)
  }
  let subject: SubjectModel | undefined
  let subjectBytes: Uint8Array | undefined
  if (values.subject) {
    try {
      subjectBytes = new Uint8Array(readFileSync(values.subject))
    } catch (err) {
      return fail(`${values.subject}: cannot read the file (${(err as Error).message})`)
    }
    try {
      subject = readSubject({ bytes: subjectBytes, fileName: basename(values.subject) })
    } catch (err) {
      if (err instanceof ScanInputError) return fail(`${err.message} — it cannot be used as the blank subject`, 1)
      throw err
    }
    process.stderr.write(`subject: ${subject.pages.length} pages\n`)
  }
  const out = values.out
  mkdirSync(out, { recursive: true })
  const fileName = basename(scans)
  process.stderr.write(`roster: ${rosterSize} students\n`)

  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'pages {bar} {value}/{total} | {eta_formatted} left', hideCursor: false, clearOnComplete: false, noTTYOutput: true, notTTYSchedule: 2000 },
    cliProgress.Presets.shades_classic,
  )
  let started = false
  try {
    const result = await processScan({
      path: scans,
      fileName,
      layout,
      expectedPagesPerCopy: values['pages-per-copy'] ? Number(values['pages-per-copy']) : undefined,
      subject,
      concurrency: values.concurrency !== undefined ? Number(values.concurrency) : undefined,
      onProgress: ({ done, total }) => {
        if (!started) {
          bar.start(total, 0)
          started = true
        }
        bar.update(done)
      },
      onCopy: ({ index, pdf }) => writeFileSync(join(out, copyFileName(index)), pdf),
    })
    if (started) bar.stop()
    const identities = values['skip-identification']
      ? undefined
      : await identify({ copies: result.plan.copies, analyses: result.analyses, roster, out, subject: subjectBytes, firstPagePrint: result.plan.model.firstPage })
    const copies = result.plan.copies.map((c, i) => {
      const identity = identities?.[i]
      const student = identity?.studentKey != null ? roster[Number(identity.studentKey)] : undefined
      return {
        pages: c.pages.map((p) => ({ source_page: p.sourcePage, region: p.region, rotation: p.rotation, blank: p.blank, ...(subject && p.subjectPage ? { subject_page: p.subjectPage } : {}) })),
        // What decided where the copy starts; `unsure`: a proposal a person should check.
        evidence: { boundary: c.evidence.boundary, margin: c.evidence.margin, unsure: c.evidence.unsure },
        // Nobody is named unless the matcher is sure: a wrong name is far worse than a question.
        student: student && identity?.status === 'identified' ? { last_name: student.lastName, first_name: student.firstName, email: student.email } : null,
        confidence: identity?.confidence ?? 0,
        status: student && identity?.status === 'identified' ? ('identified' as const) : ('needs_review' as const),
        anomalies: c.anomalies,
        file: copyFileName(i),
      }
    })
    const report = { source: { file: fileName, pages: result.info.pageCount, repaired: result.info.repaired }, copies, anomalies: result.plan.anomalies, errors: result.pageErrors }
    writeFileSync(join(out, 'copies.json'), `${JSON.stringify(report, null, 2)}\n`)
    process.stderr.write(`${copies.length} copies written to ${out}${result.pageErrors.length ? `, ${result.pageErrors.length} page error(s)` : ''}\n`)
    for (const e of result.pageErrors) process.stderr.write(`  error: ${e}\n`)
    for (const a of result.plan.anomalies) process.stderr.write(`  review: ${a}\n`)
    return 0
  } catch (err) {
    if (started) bar.stop()
    if (err instanceof ScanInputError) return fail(err.message, 1)
    throw err
  }
}

/** Reads every copy's first page (its framed header box, or against the batch's blank form), then matches the whole class at once. */
const identify = async ({
  copies,
  analyses,
  out,
  roster,
  subject,
  firstPagePrint,
}: {
  copies: PlannedCopy[]
  analyses: PageAnalysis[]
  out: string
  roster: RosterStudent[]
  subject?: Uint8Array
  firstPagePrint?: PackedMask
}) => {
  if (copies.length === 0 || roster.length === 0) return undefined
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'names {bar} {value}/{total}', hideCursor: false, clearOnComplete: false, noTTYOutput: true, notTTYSchedule: 2000 },
    cliProgress.Presets.shades_classic,
  )
  const readers = await openHeaderReaders()
  let readings: CopyReading[]
  try {
    bar.start(copies.length, 0)
    const pdfs = copies.map((_, index) => new Uint8Array(readFileSync(join(out, copyFileName(index)))))
    readings = await readCopies({ pdfs, headerBoxes: copies.map((copy) => framedHeaderBox({ copy, analyses })), subject, firstPagePrint, readers, onRead: (done) => bar.update(done) })
    bar.stop()
  } finally {
    await readers.terminate()
  }
  const students = roster.map((s, i) => toMatchStudent({ studentKey: String(i), lastName: s.lastName, firstName: s.firstName, birthDate: s.birthDate, rosterName: s.rosterName }))
  const results = identifyCopies({ copies: readings, students })
  return copies.map((_, i) => results.find((r) => r.copyKey === String(i)))
}
