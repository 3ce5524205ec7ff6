// All benchmarks, one process and one printed table each: `npm run bench` (or `npm run bench -- ingest`).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

// `scale` is a folder of its own (bench/scale/run.ts: marking API under load, PDF burn-in, students' results day).
const benches = ['ingest', 'identification', 'portal', 'hostile', 'qr', 'upload', 'scan-memory', 'desk', 'scale']
const wanted = process.argv.slice(2).filter((name) => benches.includes(name))
let failed = 0
for (const name of wanted.length ? wanted : benches) {
  process.stdout.write(`\n## ${name}\n`)
  const script = name === 'scale' ? join('bench', 'scale', 'run.ts') : join('bench', `${name}.ts`)
  // `npm run bench -- scale workers`: the names after `scale` choose among its benchmarks.
  const rest = name === 'scale' ? process.argv.slice(2).filter((arg) => !benches.includes(arg)) : []
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...rest], { stdio: 'inherit' })
  if (result.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
