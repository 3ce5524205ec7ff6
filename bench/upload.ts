// Big batches (issue 19): the app's memory while it receives a scan batch of 100 MB, 500 MB and 1 GB over the
// resumable (tus) endpoint and over a plain form, measured from outside (/proc/<pid>/status, every 50 ms).
// The batch is a real class (a4-mini) padded to the size (tools/papers/padded.ts). The app runs as in
// production without the admin, and only enqueues (KORRIGO_WORKER=external): what is measured is receiving the
// file, then checking and storing it, not the scan job. `npx tsx bench/upload.ts [MB …]`.
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import { writePaddedPdf } from '../tools/papers/padded'
import { getBatch } from '../tests/fixtures/scans/index'
import { createTestDatabase } from '../tests/int/helpers/database'
import { freePort, spawnProject } from '../tests/e2e/helpers/processes'

const sizesMB = process.argv.slice(2).map(Number).filter((n) => n > 0)
const SIZES = sizesMB.length ? sizesMB : [100, 500, 1024]
const MB = 1024 * 1024

const rssOf = (pid: number): number => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024
}

/** Peak RSS of `pid` while `work` runs. */
const peakDuring = async <T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peak: number; seconds: number }> => {
  let peak = rssOf(pid)
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 50)
  const t0 = performance.now()
  try {
    const result = await work()
    return { result, peak: Math.max(peak, rssOf(pid)), seconds: (performance.now() - t0) / 1000 }
  } finally {
    clearInterval(timer)
  }
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string }

/** One request whose body is streamed from a file (or a part of it), as a browser sends a file. */
const send = ({ url, method, headers, file, start = 0, end, before = '', after = '' }: { url: string; method: string; headers: Record<string, string>; file?: string; start?: number; end?: number; before?: string; after?: string }) =>
  new Promise<Answer>((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let body = ''
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    if (before) req.write(before)
    if (!file) return void req.end(after)
    fs.createReadStream(file, { start, end, highWaterMark: MB })
      .on('error', reject)
      .on('end', () => req.end(after))
      .pipe(req, { end: false })
  })

const main = async () => {
  const { bytes } = await getBatch('a4-mini')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-bench-upload-'))
  const database = await createTestDatabase()
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const maxMB = Math.max(...SIZES) + 16
  const server = spawnProject({
    command: process.execPath,
    args: ['--import', 'tsx', 'server.ts'],
    env: {
      NODE_ENV: 'production', DATABASE_URL: database.url, KORRIGO_DATA_DIR: path.join(dir, 'data'), PORT: String(port), HOST: '127.0.0.1',
      PAYLOAD_SECRET: 'bench-upload', KORRIGO_ADMIN: 'off', KORRIGO_WORKER: 'external', KORRIGO_MAX_UPLOAD_MB: String(maxMB), KORRIGO_MAX_PAGES: '100000', LOG_LEVEL: 'warn',
    },
  })
  try {
    await server.waitFor(/Korrigo is running at/, 180_000)
    const pid = server.child.pid!
    const first = await send({ url: `${base}/api/users/first-register`, method: 'POST', headers: { 'content-type': 'application/json' }, after: JSON.stringify({ email: 'bench@school.test', password: 'bench-password-1', name: 'Bench' }) })
    const token = JSON.parse(first.body).token as string
    const auth = { authorization: `JWT ${token}` }
    const exam = JSON.parse((await send({ url: `${base}/api/exams`, method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, after: JSON.stringify({ title: 'Bench', layout: 'auto' }) })).body).doc.id

    const rows: string[][] = []
    for (const sizeMB of SIZES) {
      const file = path.join(dir, `batch-${sizeMB}.pdf`)
      const size = sizeMB * MB
      await writePaddedPdf({ source: bytes, size, path: file })

      // tus: everything but the last byte (receiving), then the last byte (the batch is checked and stored).
      const baseline = rssOf(pid)
      const metadata = [`filename ${Buffer.from(`batch-${sizeMB}.pdf`).toString('base64')}`, `filetype ${Buffer.from('application/pdf').toString('base64')}`, `exam ${Buffer.from(String(exam)).toString('base64')}`].join(',')
      const created = await send({ url: `${base}/api/uploads/scan-batches`, method: 'POST', headers: { ...auth, 'Tus-Resumable': '1.0.0', 'Upload-Length': String(size), 'Upload-Metadata': metadata } })
      if (created.status !== 201) throw new Error(`tus create: ${created.status} ${created.body}`)
      const location = `${base}${created.headers.location}`
      const patch = (start: number, end: number) =>
        send({ url: location, method: 'PATCH', file, start, end: end - 1, headers: { ...auth, 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(start), 'Content-Type': 'application/offset+octet-stream', 'Content-Length': String(end - start) } })
      const receiving = await peakDuring(pid, () => patch(0, size - 1))
      const finishing = await peakDuring(pid, () => patch(size - 1, size))
      if (finishing.result.status !== 204) throw new Error(`tus finish: ${finishing.result.status} ${finishing.result.body}`)
      const seconds = receiving.seconds + finishing.seconds
      rows.push(['tus', `${sizeMB} MB`, seconds.toFixed(1), receiving.seconds.toFixed(1), finishing.seconds.toFixed(1), (baseline / MB).toFixed(0), (receiving.peak / MB).toFixed(0), (finishing.peak / MB).toFixed(0)])

      // The plain form (multipart), streamed the same way.
      const formBaseline = rssOf(pid)
      const boundary = `korrigo${Date.now()}`
      const before = `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n${JSON.stringify({ exam })}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="form-${sizeMB}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`
      const after = `\r\n--${boundary}--\r\n`
      const form = await peakDuring(pid, () =>
        send({ url: `${base}/api/scan-batches`, method: 'POST', file, before, after, headers: { ...auth, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(Buffer.byteLength(before) + size + Buffer.byteLength(after)) } }),
      )
      // A refusal is a result too (printed with the server's words), not the end of the run.
      const formCell = form.result.status === 201 ? form.seconds.toFixed(1) : `${form.result.status}: ${form.result.body.slice(0, 120)}`
      rows.push(['form', `${sizeMB} MB`, formCell, '', '', (formBaseline / MB).toFixed(0), (form.peak / MB).toFixed(0), (form.peak / MB).toFixed(0)])
      fs.rmSync(file, { force: true })
    }
    const header = ['path', 'file', 'total s', 'receiving s', 'check + store s', 'RSS before MB', 'peak RSS receiving MB', 'peak RSS check + store MB']
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
    process.stdout.write([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n')
    process.stdout.write(`\n${os.cpus().length} cores, Node ${process.version}; RSS of the app process (worker threads included), sampled every 50 ms.\n`)
  } catch (error) {
    process.stderr.write(`${server.output().slice(-4000)}\n`)
    throw error
  } finally {
    await server.stop()
    await database.drop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

await main()
