// How fast hostile scans are turned away: the upload-time check on the three files (they used to
// hold the scan queue 13 min, 53 s and 24 s), then the whole hostile corpus through the server's steps,
// slowest item per group. Times include the warm reader; the first line pays for starting it.
import { checkScanIsolated, DEFAULT_SCAN_LIMITS, ScanInputError } from '../plugins/scan-pipeline/lib/index.js'
import { judgePdf } from '../tests/fixtures/hostile/judgePdf.js'
import { goodScan, hostilePdfs } from '../tests/fixtures/hostile/pdfs.js'

const time = async <T>(fn: () => Promise<T>): Promise<[T | Error, number]> => {
  const t0 = performance.now()
  try {
    return [await fn(), (performance.now() - t0) / 1000]
  } catch (error) {
    return [error as Error, (performance.now() - t0) / 1000]
  }
}

const table = (header: string[], rows: string[][]) => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  process.stdout.write([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n') + '\n\n')
}

const corpus = hostilePdfs()
const rows: string[][] = []
const [, warm] = await time(() => checkScanIsolated({ bytes: goodScan(1), fileName: 'warm-up.pdf' }))
rows.push(['good 1-page scan (starts the reader)', 'accepted', warm.toFixed(2)])
for (const name of ['pages-20000-blank.pdf', 'bomb-content-1gb.pdf', 'huge-image-50000x50000.pdf', 'bomb-content-4gb.pdf']) {
  const bytes = await corpus.find((c) => c.name === name)!.bytes()
  const [result, seconds] = await time(() => checkScanIsolated({ bytes, fileName: name }))
  rows.push([`${name} (${Math.round(bytes.length / 1024)} kB)`, result instanceof ScanInputError ? `${result.status} ${result.code}` : 'accepted', seconds.toFixed(2)])
}
process.stdout.write('Upload-time check (worker thread, default limits)\n\n')
table(['file', 'answer', 'seconds'], rows)

// `npx tsx bench/hostile.ts --checks-only`: the first table alone.
if (process.argv.includes('--checks-only')) process.exit(0)

const groups = new Map<string, { n: number; total: number; worst: number; worstName: string; outcomes: Record<string, number> }>()
const started = performance.now()
for (const item of corpus) {
  const bytes = await item.bytes()
  const [verdict, seconds] = await time(() => judgePdf({ bytes, fileName: item.name, limits: DEFAULT_SCAN_LIMITS }))
  const g = groups.get(item.group) ?? { n: 0, total: 0, worst: 0, worstName: '', outcomes: {} }
  g.n++
  g.total += seconds
  if (seconds > g.worst) Object.assign(g, { worst: seconds, worstName: item.name })
  const outcome = verdict instanceof Error ? 'crash' : verdict.outcome
  g.outcomes[outcome] = (g.outcomes[outcome] ?? 0) + 1
  groups.set(item.group, g)
}
process.stdout.write(`Hostile corpus: ${corpus.length} PDFs through check → open → analyse (default limits, page deadline ${DEFAULT_SCAN_LIMITS.pageTimeoutMs / 1000} s), ${((performance.now() - started) / 1000).toFixed(0)} s in all\n\n`)
table(
  ['group', 'files', 'outcomes', 'mean s', 'slowest s', 'slowest file'],
  [...groups.entries()].map(([group, g]) => [group, String(g.n), Object.entries(g.outcomes).map(([k, v]) => `${k} ${v}`).join(', '), (g.total / g.n).toFixed(2), g.worst.toFixed(2), g.worstName]),
)
process.exit(0)
