// The benchmarks, one process and one printed table each. `npm run bench` runs the capacity run of issue 16
// (bench/scale: marking API under load, PDF burn-in, students' results day, workers and their memory), which
// fits in 10 minutes on two cores; `npm run bench -- ingest desk …` runs the ones named, `npm run bench -- all`
// every one (the accuracy benches read whole classes: allow an hour).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

import { benchCommand, refuseArgs } from './args'

const benches = ['ingest', 'identification', 'portal', 'hostile', 'qr', 'upload', 'scan-memory', 'desk', 'scale']
const scaleParts = ['marking-load', 'burn-in', 'student-burst', 'workers']
const USAGE = `usage: npm run bench [-- <bench>… | all]
  (none)        the capacity run: scale (${scaleParts.join(', ')}), under 10 minutes on two cores
  <bench>…      ${benches.join(' ')}; after scale, its parts: ${scaleParts.join(' ')}
  all           every benchmark, one after the other
`
const positionals: string[] = benchCommand({ usage: USAGE, positionals: true, options: {} }).positionals
const unknown = positionals.filter((name) => name !== 'all' && !benches.includes(name) && !scaleParts.includes(name))
if (unknown.length) refuseArgs({ message: `no such benchmark: ${unknown.join(', ')}`, usage: USAGE })
const named = positionals.includes('all') ? benches : positionals.filter((name) => benches.includes(name))
let failed = 0
for (const name of named.length ? named : ['scale']) {
  process.stdout.write(`\n## ${name}\n`)
  const script = name === 'scale' ? join('bench', 'scale', 'run.ts') : join('bench', `${name}.ts`)
  // `npm run bench -- scale workers`: the names after `scale` choose among its benchmarks.
  const rest = name === 'scale' ? positionals.filter((arg) => scaleParts.includes(arg)) : []
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...rest], { stdio: 'inherit' })
  if (result.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
