// The scale benchmarks of issue 16 (point 4), one process and one printed table each:
// `npm run bench -- scale` or `npx tsx bench/scale/run.ts [marking-load|burn-in|student-burst|workers …]`.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const benches = ['marking-load', 'burn-in', 'student-burst', 'workers']
const wanted = process.argv.slice(2).filter((name) => benches.includes(name))
let failed = 0
const took: string[] = []
const t0 = performance.now()
for (const name of wanted.length ? wanted : benches) {
  process.stdout.write(`\n### scale: ${name}\n`)
  const started = performance.now()
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, `${name}.ts`)], { stdio: 'inherit' })
  if (result.status !== 0) failed++
  took.push(`${name} ${((performance.now() - started) / 1000).toFixed(0)} s`)
}
// Issue 16 asks for the whole run in under 10 minutes: say where the time went.
process.stdout.write(`\n(scale: ${((performance.now() - t0) / 1000).toFixed(0)} s in all: ${took.join(', ')})\n`)
process.exit(failed ? 1 : 0)
