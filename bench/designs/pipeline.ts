// The pure pipeline on one generated preset, without a server: ingestion (analysis, global cut,
// assembly) and identification (blank form, first-page reading, class-wide matching), scored against
// the generator's truth. Shared by the per-design benchmarks and the quality tests.
import { appendFileSync } from 'node:fs'
import { batchForm, firstPageImage, framedHeaderBox, laterFeet, LEARNING_PAGES, readCopies } from '../../plugins/identification/lib/pipeline/readCopies'
import { groupFragments, type Fragment } from '../../plugins/identification/lib/match/fragments'
import { footerOfPage, MAX_SPLIT_PASSES, pageNumberFooter, readCopyOrder, sheetKeys, type NumberRestart } from '../../plugins/identification/lib/pageNumbers/index'
import { identifyCopies, toMatchStudent, type CopyReading, type MatchStudent } from '../../plugins/identification/lib/match/index'
import type { HeaderReaders } from '../../plugins/identification/services/engines'
import { analyzePages, inspectScan, openAssembler, planCopies, readSubject, type CopyPlan, type PageAnalysis, type PlannedCopy } from '../../plugins/scan-pipeline/lib/index'
import { getPresetBatch, scoreCopies, type PresetName, type Truth } from '../../tools/papers/index'

/** The truth speaks of pages as displayed (after /Rotate); the pipeline of pages as stored. */
const DISPLAYED: Record<number, Record<string, string>> = {
  0: { full: 'full', left: 'left', right: 'right', top: 'top', bottom: 'bottom' },
  90: { full: 'full', top: 'right', bottom: 'left', left: 'top', right: 'bottom' },
  180: { full: 'full', left: 'right', right: 'left', top: 'bottom', bottom: 'top' },
  270: { full: 'full', top: 'left', bottom: 'right', left: 'bottom', right: 'top' },
}

/** One line of a `KORRIGO_BENCH_READINGS` file: a class as `identifyRun` matched it; `truth`: who wrote each piece of the copy (roster index). */
export type RecordedClass = { preset: string; seedOffset: number; withSubject: boolean; students: MatchStudent[]; copies: { reading: CopyReading; truth: (string | null)[] }[]; pieces?: { fragment: Fragment; truth: string | null }[] }

export type IngestRun = { name: PresetName; seedOffset: number; truth: Truth; plan: CopyPlan; analyses: PageAnalysis[]; bytes: Uint8Array; subject?: Uint8Array; roster: { last_name: string; first_name: string; dob?: string }[]; seconds: number }

export const ingestPreset = async ({ name, withSubject, seedOffset = 0 }: { name: PresetName; withSubject: boolean; seedOffset?: number }): Promise<IngestRun> => {
  const batch = await getPresetBatch({ name, seedOffset })
  const t0 = performance.now()
  const analyses = await analyzePages({ bytes: batch.bytes, fileName: `${name}.pdf` })
  const plan = planCopies({ analyses, fileName: `${name}.pdf`, subject: withSubject ? readSubject({ bytes: batch.subject }) : undefined })
  return { name, seedOffset, truth: batch.truth, plan, analyses, bytes: batch.bytes, subject: batch.subject, roster: batch.roster, seconds: (performance.now() - t0) / 1000 }
}

/** Truth copies cut where a sheet carries the name again: what ingestion alone can find (identity joins them later). */
export const fragmentsOf = (truth: Truth): Truth => ({
  ...truth,
  copies: truth.copies.flatMap((c) => {
    const starts = new Set(c.identityZones.map((z) => z.page).filter((p) => p > 0))
    const out: typeof truth.copies = []
    c.pages.forEach((p, i) => {
      if (i === 0 || starts.has(i)) out.push({ ...c, pages: [] })
      out[out.length - 1]!.pages.push(p)
    })
    return out
  }),
})

type ScanInfo = Awaited<ReturnType<typeof inspectScan>>

/** A planned page's region as the truth speaks of it: as displayed, the scan's /Rotate applied. */
const displayedRegion = ({ info, page }: { info: ScanInfo; page: { sourcePage: number; region: string } }): string => DISPLAYED[info.pages[page.sourcePage - 1]!.storedRotate]![page.region]!

/** How the truth names a planned page (its source page, the region as displayed): `${source_page}:${region}`. */
export const truthKey = ({ info, page }: { info: ScanInfo; page: { sourcePage: number; region: string } }): string => `${page.sourcePage}:${displayedRegion({ info, page })}`

/** The plan's copies as the truth speaks of their pages (displayed regions, rotation to upright). */
const scoredCopies = ({ plan, info }: { plan: CopyPlan; info: ScanInfo }) =>
  plan.copies.map((c) => ({
    pages: c.pages.map((p) => {
      const stored = info.pages[p.sourcePage - 1]!.storedRotate
      return { source_page: p.sourcePage, region: displayedRegion({ info, page: p }), rotation: (p.rotation - stored + 360) % 360, blank: p.blank }
    }),
  }))

/**
 * Copies as the desk shows them once identification has joined pieces (a student's several named sheets, a
 * sheet joined by its written numbers or hand), against the students' whole copies: a copy is complete when it
 * holds exactly one student's pages, every one of them. Order inside a copy is ingestion's score.
 */
const completeCopies = ({ truth, pieces, groups }: { truth: Truth; pieces: ReturnType<typeof scoredCopies>; groups: { pieces: string[]; byNumbers?: true; byHand?: true }[] }) => {
  const keyOf = (p: { source_page: number; region: string }) => `${p.source_page}:${p.region}`
  const setOf = (pages: { source_page: number; region: string }[]) => pages.map(keyOf).sort().join(',')
  const pagesOf = (g: { pieces: string[] }) => g.pieces.flatMap((k) => pieces[Number(k)]!.pages)
  const shown = new Set(groups.map((g) => setOf(pagesOf(g))))
  /** the shown copy (index in `groups`) each page went to */
  const groupOf = new Map(groups.flatMap((g, i) => pagesOf(g).map((p) => [keyOf(p), i] as const)))
  const describeGroup = (g: number) => `${g}: pieces ${groups[g]!.pieces.map((k) => Number(k) + 1).join('+')}${groups[g]!.byNumbers ? ' by numbers' : ''}${groups[g]!.byHand ? ' by hand' : ''}`
  const describe = (c: Truth['copies'][number]) => {
    const went = c.pages.map((p) => groupOf.get(keyOf(p)))
    const whose = c.student ? `${c.student.last_name} ${c.student.first_name}` : 'unnamed'
    const pages = c.pages.map((p, i) => `${p.source_page}${p.region[0]}→${went[i] ?? '?'}`).join(' ')
    return `${whose}: pages ${pages} (${[...new Set(went)].map((g) => (g === undefined ? '' : describeGroup(g))).join('; ')})`
  }
  const incomplete = truth.copies.filter((c) => !shown.has(setOf(c.pages))).map(describe)
  return { complete: truth.copies.length - incomplete.length, of: truth.copies.length, incomplete }
}

export const scoreIngestion = async (run: IngestRun) => {
  const copies = scoredCopies({ plan: run.plan, info: await inspectScan({ bytes: run.bytes, fileName: 'batch.pdf' }) })
  const score = scoreCopies({ truth: fragmentsOf(run.truth), copies })
  return { ...score, found: run.plan.copies.length, unsure: run.plan.copies.filter((c) => c.evidence.unsure).length, boundary: run.plan.model.boundary }
}

/**
 * The subject identification reads a batch with: the exam's, when ingestion cut the batch on it; a batch cut on
 * something else (its sheets' structure) is read with the form learned from its pages, as the job does
 * (services/forms.ts).
 */
const cutOnSubject = ({ run, withSubject }: { run: IngestRun; withSubject: boolean }): Uint8Array | undefined =>
  withSubject && run.plan.model.boundary === 'subject' ? run.subject : undefined

/** Every copy's first page as a one-page PDF, upright and straightened as stored copies are. */
export const firstPagePdfs = async (run: Pick<IngestRun, 'plan' | 'analyses' | 'bytes'>): Promise<Uint8Array[]> => {
  const skew = new Map(run.analyses.map((a) => [a.sourcePage, a.skewDegrees]))
  const assembler = await openAssembler({ sourceBytes: run.bytes, skewOf: (p) => skew.get(p) ?? 0 })
  const out: Uint8Array[] = []
  for (const c of run.plan.copies) out.push(await assembler.assemble(c.pages.slice(0, 1)))
  return out
}

/** `joinsWrong`: joined copies holding pieces that two students wrote, named or not (a person would have to split them). */
export type IdentifyScore = { copies: number; framed: number; named: number; auto: number; wrong: number; wrongs: string[]; joinsWrong: number; secondsPerCopy: number; complete: { complete: number; of: number; incomplete: string[] } }

/**
 * Reads every copy as the product does (framed header box, else the batch's blank form: the subject
 * when given, else learned), matches the class at once, and compares with the truth (by each copy's
 * first page).
 */
export const identifyRun = async ({ run: ingested, readers, withSubject }: { run: IngestRun; readers: HeaderReaders; withSubject: boolean }): Promise<IdentifyScore> => {
  // As the identification job's page-order step does, the page numbers written on each piece: a piece that holds
  // a second copy where they start again at 1 is cut there (see restartOf), the second part a piece of its own.
  const boxesOf = (r: IngestRun) => r.plan.copies.map((copy) => framedHeaderBox({ copy, analyses: r.analyses }))
  const firstPages = await firstPagePdfs(ingested)
  const { run, written } = await cutOnRestarts({ run: ingested, readNumbers: await openNumberReader({ run: ingested, readers, withSubject, firstPages, headerBoxes: boxesOf(ingested) }) })
  // the first pages again only when a piece was cut
  const pdfs = run === ingested ? firstPages : await firstPagePdfs(run)
  const headerBoxes = boxesOf(run)
  const t0 = performance.now()
  const readings = await readCopies({ pdfs, headerBoxes, subject: cutOnSubject({ run, withSubject }), firstPagePrint: run.plan.model.firstPage, readers })
  const secondsPerCopy = (performance.now() - t0) / 1000 / Math.max(1, pdfs.length)
  const students = run.roster.map((s, i) => toMatchStudent({ studentKey: String(i), lastName: s.last_name, firstName: s.first_name, birthDate: s.dob ?? null }))
  // As the identification job does: pieces in a row that name one student for sure are one copy (a student's
  // several sheets, each with the filled header), named on the clearest of its pieces' readings, or whose written
  // page numbers follow each other (a sheet with no name on it).
  const fragments = readings.map((reading, i) => {
    const pages = run.plan.copies[i]!.pages.map((p) => p.sourcePage)
    return { key: String(i), batch: 'batch', firstPage: Math.min(...pages), lastPage: Math.max(...pages), pages: pages.length, reading, ...(written[i] ? { written: written[i] } : {}) }
  })
  const joined = groupFragments({ fragments, students })
  const inGroup = new Set(joined.flatMap((g) => g.pieces))
  // the joins only: every other piece is a copy of its own
  const groups = [...joined, ...fragments.filter((f) => !inGroup.has(f.key)).map((f) => ({ pieces: [f.key], namedBy: undefined as string | undefined }))]
  // each joined piece's header kept as a sheet of its copy, as the job keeps it (services/sheetReadings.ts)
  const copies = groups.map((g) => {
    const base = g.namedBy ?? g.pieces[0]!
    const sheets = g.pieces.filter((p) => p !== base).map((p) => ({ fields: readings[Number(p)]!.fields, lattices: readings[Number(p)]!.lattices }))
    return { ...readings[Number(base)]!, copyKey: g.pieces.join('+'), ...(sheets.length ? { sheets } : {}) }
  })
  const results = identifyCopies({ copies, students })
  const info = await inspectScan({ bytes: run.bytes, fileName: 'batch.pdf' })
  const writer = new Map<string, Truth['copies'][number]['student']>()
  for (const c of run.truth.copies) for (const p of c.pages) writer.set(`${p.source_page}:${p.region}`, c.student)
  const truthOf = (piece: number) => writer.get(truthKey({ info, page: run.plan.copies[piece]!.pages[0]! }))
  // `KORRIGO_BENCH_READINGS=<file>`: the class's readings and the truth of each piece, one JSON line per run,
  // to try matching rules on real readings without reading the scans again
  if (process.env.KORRIGO_BENCH_READINGS) {
    const truthKey = (piece: number) => {
      const t = truthOf(piece)
      const k = t ? run.roster.findIndex((s) => s.last_name === t.last_name && s.first_name === t.first_name) : -1
      return k < 0 ? null : String(k)
    }
    const line: RecordedClass = { preset: run.name, seedOffset: run.seedOffset, withSubject, students, copies: copies.map((c, g) => ({ reading: c, truth: groups[g]!.pieces.map((p) => truthKey(Number(p))) })), pieces: fragments.map((fragment, i) => ({ fragment, truth: truthKey(i) })) }
    appendFileSync(process.env.KORRIGO_BENCH_READINGS, `${JSON.stringify(line)}\n`)
  }
  // counted per piece: a piece is named right when its copy is named for the student who wrote it
  const named = readings.filter((_, i) => truthOf(i)).length
  let auto = 0
  const wrongs: string[] = []
  results.forEach((r, g) => {
    if (r.status !== 'identified') {
      // `KORRIGO_BENCH_MISSES=1`: why each written piece was left at the desk, with what was read
      if (process.env.KORRIGO_BENCH_MISSES)
        for (const piece of groups[g]!.pieces.map(Number)) {
          const truth = truthOf(piece)
          const f = fragments[piece]!
          if (truth) process.stderr.write(`miss ${truth.last_name} ${truth.first_name} (pages ${f.firstPage}–${f.lastPage}${f.written ? `, numbered ${f.written.numbers.map((n) => n ?? '-').join(' ')} of ${f.written.total}` : ''}): ${r.reason} ${JSON.stringify(Object.fromEntries(Object.entries(readings[piece]!.fields).map(([f, c]) => [f, c?.map((x) => x.text)])))} ${JSON.stringify(r.candidates.slice(0, 2))}\n`)
        }
      return
    }
    const s = run.roster[Number(r.studentKey)]!
    for (const piece of groups[g]!.pieces.map(Number)) {
      const truth = truthOf(piece)
      if (truth && s.last_name === truth.last_name && s.first_name === truth.first_name) auto++
      else {
        const read = Object.entries(readings[piece]!.fields).map(([field, candidates]) => `${field} ${candidates?.map((c) => JSON.stringify(c.text)).join('/')}`)
        wrongs.push(`piece ${piece + 1}: named ${s.last_name} ${s.first_name}, written by ${truth ? `${truth.last_name} ${truth.first_name}` : 'nobody'} (${r.confidence}; read ${read.join(', ')}; next ${JSON.stringify(r.candidates.slice(1, 3))})`)
      }
    }
  })
  // a piece of the copy nobody named joined to a student's copy is as wrong as two students' pieces together
  const writers = (g: { pieces: string[] }) => new Set(g.pieces.map((piece) => truthOf(Number(piece))).map((t) => (t ? `${t.last_name} ${t.first_name}` : 'the unnamed copy')))
  const joinsWrong = joined.filter((g) => writers(g).size > 1)
  for (const g of joinsWrong) wrongs.push(`join of pieces ${g.pieces.map((p) => Number(p) + 1).join('+')}${g.byHand ? ' (same hand)' : g.byNumbers ? ' (numbers)' : ''}: written by ${[...writers(g)].join(', ')}`)
  const complete = completeCopies({ truth: run.truth, pieces: scoredCopies({ plan: run.plan, info }), groups })
  return { copies: pdfs.length, framed: headerBoxes.filter(Boolean).length, named, auto, wrong: wrongs.length - joinsWrong.length, wrongs, joinsWrong: joinsWrong.length, secondsPerCopy, complete }
}

/** The numbers a piece's student wrote, in its scan order, and where they start a second copy. */
type PieceNumbers = { written?: Fragment['written']; restart?: NumberRestart }

/**
 * The plan with each piece whose numbers restart cut in two, as the job does (services/identifyExam.ts: the parts
 * read again, a part that holds yet another copy cut on a later pass, MAX_SPLIT_PASSES at most), and every piece's
 * numbers; the same run when no piece is cut.
 */
export const cutOnRestarts = async ({ run, readNumbers }: { run: IngestRun; readNumbers?: NumberReader }): Promise<{ run: IngestRun; written: (Fragment['written'] | undefined)[] }> => {
  if (!readNumbers) return { run, written: run.plan.copies.map(() => undefined) }
  let read = await readNumbers(run.plan.copies)
  let current = run
  for (let pass = 0; pass <= MAX_SPLIT_PASSES && read.some((r) => r.restart); pass++) {
    const copies: PlannedCopy[] = []
    const next: (PieceNumbers | undefined)[] = []
    current.plan.copies.forEach((copy, i) => {
      const restart = read[i]!.restart
      if (!restart) {
        copies.push(copy)
        next.push(read[i])
        return
      }
      copies.push({ ...copy, pages: copy.pages.slice(0, restart.at) }, { pages: copy.pages.slice(restart.at), anomalies: [], startsWithHeader: false, evidence: { ...copy.evidence, margin: 0, unsure: true } })
      next.push(undefined, undefined)
    })
    const fresh = await readNumbers(copies.filter((_, i) => !next[i]))
    read = next.map((r) => r ?? fresh.shift()!)
    current = { ...current, plan: { ...current.plan, copies } }
  }
  return { run: current, written: read.map((r) => r.written) }
}

/** The page numbers written on each piece (see openNumberReader), as a fragment keeps them; none on a piece that restarts. */
export const writtenNumbers = async (request: Parameters<typeof openNumberReader>[0]): Promise<(Fragment['written'] | undefined)[]> => {
  const readNumbers = await openNumberReader(request)
  return readNumbers ? (await readNumbers(request.run.plan.copies)).map((p) => p.written) : request.run.plan.copies.map(() => undefined)
}

type NumberReader = (copies: PlannedCopy[]) => Promise<PieceNumbers[]>

/**
 * What reads the page numbers written on pieces, as the identification job's page-order step reads them: the
 * batch's blank form (the subject's, else learned from the first pages) gives the footer, printed labels or free
 * writing; a learned footer loses the first pages' "1" on a few pieces' later feet. Undefined when the paper has
 * no footer to read.
 */
const openNumberReader = async ({ run, readers, withSubject, firstPages, headerBoxes }: { run: IngestRun; readers: HeaderReaders; withSubject: boolean; firstPages: Uint8Array[]; headerBoxes: unknown[] }): Promise<NumberReader | undefined> => {
  // the unframed first, as readCopies learns
  const learners = [...firstPages.keys()].sort((a, b) => Number(!!headerBoxes[a]) - Number(!!headerBoxes[b])).slice(0, LEARNING_PAGES).map((i) => firstPageImage(firstPages[i]!))
  const form = await batchForm({ subject: cutOnSubject({ run, withSubject }), firstPagePrint: run.plan.model.firstPage, pages: learners, readers })
  if (!form) return undefined
  const skew = new Map(run.analyses.map((a) => [a.sourcePage, a.skewDegrees]))
  const assembler = await openAssembler({ sourceBytes: run.bytes, skewOf: (p) => skew.get(p) ?? 0 })
  // each piece assembled once, and only when the paper has a footer to read
  const assembled = new Map<PlannedCopy, Uint8Array>()
  const pdfOf = async (copy: PlannedCopy) => assembled.get(copy) ?? assembled.set(copy, await assembler.assemble(copy.pages)).get(copy)!
  const later = run.plan.copies.filter((copy) => copy.pages.length > 1).slice(0, 3)
  const footer = await pageNumberFooter({ form, laterFeet: async () => (await Promise.all(later.map(pdfOf))).flatMap((pdf) => laterFeet({ pdf })) })
  if (!footer) return undefined
  return async (copies) => {
    const out: PieceNumbers[] = []
    for (const copy of copies) {
      if (copy.pages.length < 2) {
        out.push({})
        continue
      }
      const { sheetOf, sideOf } = sheetKeys(copy.pages)
      const { order, numbers, restart } = await readCopyOrder({ pdf: await pdfOf(copy), footers: copy.pages.map((p) => footerOfPage({ footer, subjectPage: p.subjectPage })), blank: copy.pages.map((p) => p.blank), sheets: sheetOf, sides: sideOf, engines: readers.engines })
      // in the piece's scan order: the bench does not reorder the pieces' pages
      out.push(restart ? { restart } : order ? { written: { total: order.total, numbers: numbers.map((n) => n?.n ?? null) } } : {})
    }
    return out
  }
}
