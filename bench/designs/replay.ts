// Matching rules tried on real readings without reading the scans again: `KORRIGO_BENCH_READINGS=<file>
// npx tsx bench/designs.ts --identify …` records every class's readings and truth, then
// `npx tsx bench/designs/replay.ts [--misses] <file…>` names them with the matcher as it is now. Run it from a
// worktree of an older commit on the same files to compare two versions of the matcher on the same ink.
import { readFileSync } from 'node:fs'
import { identifyCopies } from '../../plugins/identification/lib/match/index'
import type { RecordedClass } from './pipeline'

export type ReplayScore = { named: number; auto: number; wrong: string[]; misses: string[] }

export const replayClass = (run: RecordedClass): ReplayScore => {
  const results = identifyCopies({ copies: run.copies.map((c) => c.reading), students: run.students })
  const who = (key: string | null) => (key === null ? 'nobody' : `${run.students[Number(key)]?.lastName} ${run.students[Number(key)]?.firstName}`)
  const score: ReplayScore = { named: 0, auto: 0, wrong: [], misses: [] }
  results.forEach((result, g) => {
    const truths = run.copies[g]!.truth
    score.named += truths.filter((t) => t !== null).length
    const top = result.candidates.slice(0, 3).map((c) => `${who(c.studentKey)} ${c.score}`)
    if (result.status !== 'identified') {
      if (truths.some((t) => t !== null)) score.misses.push(`${truths.map(who).join(' + ')}: ${result.reason} (${top.join(', ')})`)
      return
    }
    for (const truth of truths)
      if (truth === result.studentKey) score.auto++
      else score.wrong.push(`${who(result.studentKey)} for ${who(truth)} (${top.join(', ')})`)
  })
  return score
}

const args = process.argv.slice(2)
const files = args.filter((a) => !a.startsWith('--'))
const usage = 'usage: npx tsx bench/designs/replay.ts [--misses] <readings.jsonl…>\n'
if (args.includes('--help')) {
  process.stdout.write(usage)
  process.exit(0)
}
if (!files.length || args.some((a) => a.startsWith('--') && a !== '--misses')) {
  process.stderr.write(usage)
  process.exit(2)
}
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '—')
const rows: Record<string, string | number>[] = []
const total = { named: 0, auto: 0, wrong: 0 }
for (const file of files)
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const run = JSON.parse(line) as RecordedClass
    const s = replayClass(run)
    rows.push({ preset: run.preset, subject: run.withSubject ? 'yes' : 'no', 'named right': s.auto, of: s.named, coverage: pct(s.auto, s.named), wrong: s.wrong.length })
    total.named += s.named
    total.auto += s.auto
    total.wrong += s.wrong.length
    for (const w of s.wrong) process.stderr.write(`WRONG ${run.preset}: ${w}\n`)
    if (args.includes('--misses')) for (const m of s.misses) process.stderr.write(`miss ${run.preset}: ${m}\n`)
  }
rows.push({ preset: 'all', subject: '', 'named right': total.auto, of: total.named, coverage: pct(total.auto, total.named), wrong: total.wrong })
console.table(rows)
