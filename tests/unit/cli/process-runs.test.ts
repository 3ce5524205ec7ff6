import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { PDFDocument } from 'pdf-lib'

import { getBatch } from '../../fixtures/scans/index.js'

// `korrigo process` once died of a V8 fatal error ("Check failed: (location_) != nullptr" in
// AsyncModuleExecutionFulfilled, exit 133) in about one run in thirty: a worker thread stopped while a
// module that waited for mupdf's top-level await was being evaluated (see
// plugins/scan-pipeline/lib/pool/load-worker.mjs). Fifty runs in a row, every one must finish.
const RUNS = 50
const AT_ONCE = 2

type Run = { code: number | null; signal: NodeJS.Signals | null; stderr: string }

const korrigo = (args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'cli', 'bin.js'), ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)))
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }))
  })

let dir: string
let scans: string
let expected: { pages: unknown[] }
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'korrigo-cli-runs-'))
  writeFileSync(join(dir, 'roster.csv'), 'NOM;Prénom\nMARTIN;Lucas\n')
  // A small batch keeps fifty runs quick (one page worker: each run still starts and stops its worker
  // threads): the first booklet of the mini A3 class, on its own.
  const { bytes, truth } = await getBatch('a3-mini')
  const first = truth.copies[0]!.pages.map((p) => p.source_page)
  const source = await PDFDocument.load(bytes)
  const batch = await PDFDocument.create()
  for (const page of await batch.copyPages(source, [...new Set(first)].map((n) => n - 1))) batch.addPage(page)
  scans = join(dir, 'booklet.pdf')
  writeFileSync(scans, await batch.save())
  expected = { pages: truth.copies[0]!.pages }
}, 600_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it(`korrigo process finishes ${RUNS} runs out of ${RUNS}`, async () => {
  const failures: string[] = []
  let next = 0
  const lane = async () => {
    while (next < RUNS) {
      const run = next++
      const out = join(dir, `out-${run}`)
      const result = await korrigo(['process', scans, '--roster', join(dir, 'roster.csv'), '--out', out, '--layout', 'a3-booklet', '--skip-identification', '--concurrency', '1'])
      const copies = result.code === 0 ? (JSON.parse(readFileSync(join(out, 'copies.json'), 'utf8')) as { copies: { pages: unknown[] }[] }).copies : []
      if (result.code !== 0 || copies.length !== 1 || copies[0]!.pages.length !== expected.pages.length)
        failures.push(`run ${run + 1}: exit ${result.code ?? result.signal}, ${copies.length} copies\n${result.stderr}`)
      rmSync(out, { recursive: true, force: true })
    }
  }
  await Promise.all(Array.from({ length: AT_ONCE }, lane))
  expect(failures).toEqual([])
}, 1_800_000)
