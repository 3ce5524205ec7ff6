// Issue 19 (and 16's flat worker memory): the memory of ingesting one batch as it grows, by the job's way of
// reading it now (from disk) and, as the baseline in the same run, the way it read it before (whole in
// memory). The batch is a real class (a4-mini) padded to the size (tools/papers/padded.ts), so the work per
// page is the same at every size and only the file grows. Peak RSS of the process, worker threads
// included, sampled every 50 ms from /proc. `npx tsx bench/scan-memory.ts [MB …]`.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { writePaddedPdf } from '../tools/papers/padded'
import { getBatch } from '../tests/fixtures/scans/index'

const MB = 1024 * 1024
const sizesMB = process.argv.slice(2).map(Number).filter((n) => n > 0)
const SIZES = sizesMB.length ? sizesMB : [100, 500, 1024]

const rssOf = (pid: number): number => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024
  } catch {
    return 0
  }
}

const ingest = (mode: 'memory' | 'disk', file: string) =>
  new Promise<{ copies: number; seconds: number; peak: number }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('bench', 'scan-memory', 'child.ts'), mode, file], { stdio: ['ignore', 'pipe', 'pipe'] })
    let peak = 0
    const timer = setInterval(() => (peak = Math.max(peak, rssOf(child.pid!))), 50)
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    child.on('exit', (code) => {
      clearInterval(timer)
      if (code !== 0) return reject(new Error(`${mode} on ${path.basename(file)} exited ${code}: ${err.slice(-2000)}`))
      resolve({ ...JSON.parse(out.trim().split('\n').pop()!), peak })
    })
  })

const main = async () => {
  const { bytes, truth } = await getBatch('a4-mini')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-bench-scan-memory-'))
  const rows: string[][] = []
  try {
    for (const sizeMB of SIZES) {
      const file = path.join(dir, `batch-${sizeMB}.pdf`)
      await writePaddedPdf({ source: bytes, size: sizeMB * MB, path: file })
      const before = await ingest('memory', file).catch((error: Error) => error)
      const now = await ingest('disk', file)
      const cell = (r: typeof now | Error, f: (r: typeof now) => string) => (r instanceof Error ? `failed: ${r.message.slice(0, 60)}` : f(r))
      rows.push([
        `${sizeMB} MB`,
        String(truth.pageCount),
        String(now.copies),
        cell(before, (r) => r.seconds.toFixed(1)),
        now.seconds.toFixed(1),
        cell(before, (r) => (r.peak / MB).toFixed(0)),
        (now.peak / MB).toFixed(0),
        cell(before, (r) => (r.peak / now.peak).toFixed(1)),
      ])
      fs.rmSync(file, { force: true })
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const header = ['file', 'pages', 'copies', 'whole in memory s', 'from disk s', 'whole in memory peak RSS MB', 'from disk peak RSS MB', 'memory / disk']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  process.stdout.write([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n')
  process.stdout.write(`\n${os.cpus().length} cores, Node ${process.version}; inspection, analysis (worker threads) and assembly of every copy.\n`)
}

await main()
