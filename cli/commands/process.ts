import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import cliProgress from 'cli-progress'
import { ScanInputError, processScan, type LayoutOption } from '../../plugins/scan-pipeline/lib/index'
import { RosterError, readRoster } from '../lib/readRoster'

const USAGE = 'usage: korrigo process SCANS.pdf --roster ROSTER.csv --out DIR [--layout auto|a4|a3-booklet] [--pages-per-copy N] [--concurrency N]'
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
      options: { roster: { type: 'string' }, out: { type: 'string' }, layout: { type: 'string', default: 'auto' }, 'pages-per-copy': { type: 'string' }, concurrency: { type: 'string' } },
    }) as { values: Record<string, string | undefined>; positionals: string[] })
  } catch (err) {
    return fail(`${(err as Error).message}\n${USAGE}`)
  }
  const [scans] = positionals
  if (!scans || !values.roster || !values.out) return fail(USAGE)
  const layout = values.layout as LayoutOption
  if (!LAYOUTS.includes(layout)) return fail(`--layout must be one of ${LAYOUTS.join(', ')}`)

  let rosterSize: number
  try {
    rosterSize = readRoster(values.roster).length
  } catch (err) {
    if (err instanceof RosterError) return fail(err.message)
    throw err
  }
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(readFileSync(scans))
  } catch (err) {
    return fail(`${scans}: cannot read the file (${(err as Error).message})`)
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
      bytes,
      fileName,
      layout,
      expectedPagesPerCopy: values['pages-per-copy'] ? Number(values['pages-per-copy']) : undefined,
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
    const copies = result.plan.copies.map((c, i) => ({
      pages: c.pages.map((p) => ({ source_page: p.sourcePage, region: p.region, rotation: p.rotation, blank: p.blank })),
      // identification is not wired yet: nobody is named until a person or the matcher is sure
      student: null,
      confidence: 0,
      status: 'needs_review' as const,
      anomalies: c.anomalies,
      file: copyFileName(i),
    }))
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
