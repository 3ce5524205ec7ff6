import { buildBatch } from '../batch/build.js'
import { buildRoster } from '../roster.js'
import type { Truth } from '../truth.js'

export type ScenarioBatch = { fileName: string; bytes: Uint8Array; truth: Truth }
export type Scenario = { name: string; batches: ScenarioBatch[]; subject: Uint8Array; roster: string }

const TITLE = 'Bac blanc — Mathématiques'

/**
 * A lycée's mock bac as its copier and school software produce it (issue 18): A3 pages stored portrait
 * with /Rotate 270, the official exam sheet, copies of 1–3 copies doubles each with the same filled header
 * and hand-numbered pages, one copy with a sheet never scanned, one whose sheets were scanned out of
 * order; a separate A4 file of annexes for some students, in another order, each naming its copy; the
 * class list as a single-column, all-capitals school-software export. Another seed and the held-out
 * fonts give the same scenario in hands no reader was tuned on.
 */
export const copierMockBac = async ({ seed = 1801, fonts = 'tuned' }: { seed?: number; fonts?: 'tuned' | 'heldOut' } = {}): Promise<Scenario> => {
  const copies = 10
  const main = await buildBatch({
    name: 'copier-mock-bac',
    seed,
    design: 'official',
    format: 'a3',
    copies,
    absent: 4,
    unnamed: [],
    sheetsFor: [3, 1, 2, 3, 1, 2, 3, 1, 2, 1],
    repeatHeader: 1,
    missingSheet: [3],
    shuffledSheets: [6],
    storedRotate: 270,
    pageNumbers: true,
    writtenDob: true,
    flips: 0.1,
    inserts: 0,
    blankPages: 0.08,
    fonts,
    discipline: 'maths',
    examTitle: TITLE,
    className: 'TG2',
  })
  const mainFile = 'copies-bac-blanc.pdf'
  const present = main.truth.copies.map((c, i) => ({ c, i })).filter(({ c }) => c.student)
  // annexes for some students, stacked in another order
  const annexed = [present[4], present[0], present[7], present[2], present[5], present[9]].filter((x): x is (typeof present)[number] => !!x)
  const students = annexed.map(({ c }) => main.roster.find((s) => s.last_name === c.student!.last_name && s.first_name === c.student!.first_name)!)
  const annex = await buildBatch({
    name: 'copier-mock-bac-annexes',
    seed: seed + 1,
    design: 'annex',
    format: 'a4',
    copies: students.length,
    students,
    roster: main.roster,
    // each student writes the annex with the hand of their copy
    hands: annexed.map(({ c }) => c.hand),
    subjectPages: 1,
    writtenDob: true,
    flips: 0.15,
    fonts,
    discipline: 'maths',
    examTitle: TITLE,
  })
  annex.truth.copies.forEach((copy, i) => (copy.belongsTo = { fileName: mainFile, copy: annexed[i]!.i }))
  return {
    name: 'copier-mock-bac',
    batches: [
      { fileName: mainFile, bytes: main.bytes, truth: main.truth },
      { fileName: 'annexes.pdf', bytes: annex.bytes, truth: annex.truth },
    ],
    subject: main.subject,
    roster: buildRoster({ students: main.roster, format: 'pronote', bom: true }),
  }
}
