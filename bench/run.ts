// All benchmarks, one process and one printed table each: `npm run bench` (or `npm run bench -- ingest`).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const benches = ['ingest', 'identification', 'portal', 'hostile', 'qr', 'upload', 'scan-memory', 'desk']
const wanted = process.argv.slice(2).filter((name) => benches.includes(name))
let failed = 0
for (const name of wanted.length ? wanted : benches) {
  process.stdout.write(`\n## ${name}\n`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', join('bench', `${name}.ts`)], { stdio: 'inherit' })
  if (result.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
