// Ingestion and identification per header design, tuned and held out, with and without the blank
// subject: `npx tsx bench/designs.ts [--identify] [--subject|--both] [--seed <offset>] [preset…]` (default: every
// class preset; `--seed` draws other classes of the same presets, never seen by any tuning).
import { openHeaderReaders } from '../plugins/identification/services/engines'
import { listPresets, type PresetName } from '../tools/papers/index'
import { benchCommand, refuseArgs, wholeNumber } from './args'
import { identifyRun, ingestPreset, scoreIngestion } from './designs/pipeline'

// every class preset (the -mini ones are the tests' small copies)
const CLASS_PRESETS = listPresets().filter((p) => !p.name.endsWith('-mini')).map((p) => p.name)
const USAGE = `usage: npx tsx bench/designs.ts [--identify] [--subject|--both] [--seed <offset>] [preset…]
  --identify    also read and name every copy (the class list matched at once); "complete copies": the
                copies the desk shows once identification has joined pieces, each exactly one student's pages
  --subject     with the exam's blank subject (default: without)
  --both        without, then with the subject
  --seed <n>    other classes of the same presets, drawn afresh: hands and answers no tuning saw
  preset…       ${CLASS_PRESETS.join(' ')}
  (KORRIGO_BENCH_READINGS=<file> records each class's readings for bench/designs/replay.ts)
`
const { values, positionals } = benchCommand({ usage: USAGE, positionals: true, options: { identify: { type: 'boolean' }, subject: { type: 'boolean' }, both: { type: 'boolean' }, seed: { type: 'string' } } })
const identify = Boolean(values.identify)
const subjectModes = values.subject ? [true] : values.both ? [false, true] : [false]
const seedOffset = wholeNumber({ name: 'seed', value: values.seed, fallback: 0, usage: USAGE })!
const known = new Set<string>(listPresets().map((p) => p.name))
const unknown = positionals.filter((name) => !known.has(name))
if (unknown.length) refuseArgs({ message: `no such preset: ${unknown.join(', ')}`, usage: USAGE })
const named = positionals as PresetName[]
const names = named.length ? named : CLASS_PRESETS
const tuned = new Map(listPresets().map((p) => [p.name, p.tuned]))
const readers = identify ? await openHeaderReaders() : undefined
const rows: Record<string, string | number>[] = []
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '—')
for (const name of names) {
  for (const withSubject of subjectModes) {
    const run = await ingestPreset({ name, withSubject, seedOffset })
    const s = await scoreIngestion(run)
    const row: Record<string, string | number> = {
      preset: seedOffset ? `${name} seed+${seedOffset}` : name,
      tuned: tuned.get(name) ? 'tuned' : 'HELD OUT',
      subject: withSubject ? 'yes' : 'no',
      'cut on': s.boundary,
      'exact copies': pct(s.exactCopies, s.copies),
      orientation: pct(s.rotationCorrect, s.pages),
      unsure: s.unsure,
      'ingest s': run.seconds.toFixed(1),
    }
    if (readers) {
      const id = await identifyRun({ run, readers, withSubject })
      Object.assign(row, { 'framed box': id.framed, 'auto-named': id.auto, wrong: id.wrong, 'joins wrong': id.joinsWrong, coverage: pct(id.auto, id.named), 'complete copies': pct(id.complete.complete, id.complete.of), 's/copy': id.secondsPerCopy.toFixed(2) })
      for (const w of id.wrongs) process.stderr.write(`${name}: ${w}\n`)
      if (process.env.KORRIGO_BENCH_MISSES) for (const c of id.complete.incomplete) process.stderr.write(`${name}: incomplete copy ${c}\n`)
    }
    rows.push(row)
    process.stderr.write(`${JSON.stringify(row)}\n`)
  }
}
console.table(rows)
await readers?.terminate()
process.exit(0)
