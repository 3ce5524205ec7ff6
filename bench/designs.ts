// Ingestion and identification per header design, tuned and held out, with and without the blank
// subject: `npx tsx bench/designs.ts [--identify] [--subject|--both] [--seed <offset>] [preset…]` (default: every
// class preset; `--seed` draws other classes of the same presets, never seen by any tuning).
import { openHeaderReaders } from '../plugins/identification/services/engines'
import { listPresets, type PresetName } from '../tools/papers/index'
import { identifyRun, ingestPreset, scoreIngestion } from './designs/pipeline'

const args = process.argv.slice(2)
const identify = args.includes('--identify')
const subjectModes = args.includes('--subject') ? [true] : args.includes('--both') ? [false, true] : [false]
const seedAt = args.indexOf('--seed')
const seedOffset = seedAt >= 0 ? Number(args[seedAt + 1]) : 0
if (!Number.isInteger(seedOffset)) throw new Error(`--seed takes an integer offset, got "${args[seedAt + 1]}"`)
const named = args.filter((a, i) => !a.startsWith('--') && (seedAt < 0 || i !== seedAt + 1)) as PresetName[]
const names = named.length ? named : listPresets().filter((p) => !p.name.endsWith('-mini')).map((p) => p.name)
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
      Object.assign(row, { 'framed box': id.framed, 'auto-named': id.auto, wrong: id.wrong, 'joins wrong': id.joinsWrong, coverage: pct(id.auto, id.named), 's/copy': id.secondsPerCopy.toFixed(2) })
      for (const w of id.wrongs) process.stderr.write(`${name}: ${w}\n`)
    }
    rows.push(row)
    process.stderr.write(`${JSON.stringify(row)}\n`)
  }
}
console.table(rows)
await readers?.terminate()
process.exit(0)
