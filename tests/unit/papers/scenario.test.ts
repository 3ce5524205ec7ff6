import { PDFDocument } from 'pdf-lib'
import { getScenario } from '../../../tools/papers/index.js'
import { checkTruthAgainstPdf } from './helpers.js'

describe('copier-mock-bac (issue 18)', () => {
  let s: Awaited<ReturnType<typeof getScenario>>
  beforeAll(async () => {
    s = await getScenario('copier-mock-bac')
  }, 900_000)

  it('A3 spreads stored portrait with /Rotate 270 on the official sheet, multi-sheet copies numbered by hand', async () => {
    const main = s.batches[0]!
    expect(main.truth.design).toBe('official')
    expect(checkTruthAgainstPdf({ truth: main.truth, bytes: main.bytes })).toEqual([])
    const doc = await PDFDocument.load(main.bytes)
    for (const page of doc.getPages()) {
      expect(page.getRotation().angle).toBe(270)
      // stored portrait, displayed landscape
      expect(page.getHeight()).toBeGreaterThan(page.getWidth())
    }
    const sheetsOf = main.truth.copies.map((c) => new Set(c.pages.map((p) => p.source_page)).size / 2)
    expect(Math.max(...sheetsOf)).toBe(3)
    for (const copy of main.truth.copies) {
      // every sheet's front carries the same header: one zone set per first page of a sheet
      const fronts = copy.pages.filter((p) => p.subject_page === 1).length
      expect(new Set(copy.identityZones.map((z) => z.page)).size).toBe(fronts)
      const written = copy.pages.filter((p) => p.written).map((p) => p.written!.n)
      expect(written).toEqual([...written].sort((a, b) => a - b))
    }
  })

  it('one copy lacks a sheet (its written page numbers are reported missing), one was scanned out of order', () => {
    const copies = s.batches[0]!.truth.copies
    const missing = copies.filter((c) => c.missingPages?.length)
    expect(missing).toHaveLength(1)
    const { pages, missingPages } = missing[0]!
    const total = pages.find((p) => p.written)!.written!.total
    expect(pages.length + missingPages!.length).toBe(total)
    const present = new Set(pages.flatMap((p) => (p.written ? [p.written.n] : [])))
    expect(missingPages!.some((n) => present.has(n))).toBe(false)
    const shuffled = copies.filter((c) => c.pages.some((p, i) => i > 0 && p.source_page < c.pages[i - 1]!.source_page && p.subject_page === 1))
    expect(shuffled.length).toBeGreaterThanOrEqual(1)
  })

  it('a separate A4 annex file, in another order, names the copy each annex belongs to', async () => {
    const [main, annex] = s.batches
    expect(annex!.truth.design).toBe('annex')
    expect(checkTruthAgainstPdf({ truth: annex!.truth, bytes: annex!.bytes })).toEqual([])
    const targets = annex!.truth.copies.map((c) => c.belongsTo!.copy)
    expect(targets).not.toEqual([...targets].sort((a, b) => a - b))
    for (const c of annex!.truth.copies) {
      expect(c.belongsTo!.fileName).toBe(main!.fileName)
      expect(main!.truth.copies[c.belongsTo!.copy]!.student).toEqual(c.student)
      // the same student, the same hand
      expect(main!.truth.copies[c.belongsTo!.copy]!.hand).toBe(c.hand)
    }
    expect(s.paths[main!.fileName]).toMatch(/\.pdf$/)
  })

  it('the class list is the school-software export: "Élèves" in capitals, with a BOM', () => {
    expect(s.roster.charCodeAt(0)).toBe(0xfeff)
    expect(s.roster.split('\r\n')[0]).toBe('\uFEFF"Élèves","Né(e) le","Adresse E-mail","Classe","EDS","Groupe"')
    const names = s.roster.split('\r\n').slice(1, -1).map((line) => line.split('","')[0]!.slice(1))
    expect(names).toHaveLength(s.batches[0]!.truth.copies.length + 4)
    expect(names.join('|')).toMatch(/(BEN AYED|DA SILVA|LE GOFF|N'DIAYE|O'NEILL|DOS SANTOS|EL AMRANI|LEBRETON-VIDAL) /)
    for (const n of names) expect(n).toBe(n.toUpperCase())
  })
})
