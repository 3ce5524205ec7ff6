import { processScan, readSubject } from '../../../plugins/scan-pipeline/lib/index.js'
import { getScenario } from '../../../tools/papers/index.js'
import { rotationsOf, storedRegion } from '../../../bench/truth-regions.js'

// Issue 18's copier batch, cut on its subject: a student's second copie double prints the header on its front
// (it matches the subject's first page) but is ruled inside, where the first sheet prints the subject: its back
// matches nothing known. In a duplex scan (most fronts followed by their back) it is that front's back all the
// same, so the sheet's halves go 1, 2, 3, 4 — not 1, 4, then the back's two halves after the sheet's last page.
describe('a duplex scan of copies doubles cut on the subject', () => {
  it('puts a continuation sheet’s back between its front’s halves, as the student wrote it', async () => {
    const scenario = await getScenario('copier-mock-bac')
    const main = scenario.batches[0]!
    const { plan } = await processScan({ bytes: main.bytes, fileName: main.fileName, subject: readSubject({ bytes: scenario.subject }) })
    const turns = await rotationsOf(main.bytes)
    // the truth's copies as the cut names halves, in the order the student wrote them
    const written = main.truth.copies.map((c) => c.pages.map((p) => `${p.source_page}${storedRegion(p.region, turns[p.source_page - 1] ?? 0)}`).join(' '))
    const sheets = plan.copies.flatMap((c) => {
      const halves = c.pages.filter((p) => p.region !== 'full')
      return Array.from({ length: Math.ceil(halves.length / 4) }, (_, k) => halves.slice(4 * k, 4 * k + 4).map((p) => `${p.sourcePage}${p.region}`).join(' '))
    })
    const continuation = sheets.filter((sheet) => !written.some((copy) => copy.startsWith(sheet)))
    // the scenario's students write on two or three sheets: some pieces are second sheets
    expect(continuation.length).toBeGreaterThan(0)
    expect(sheets.filter((sheet) => !written.some((copy) => copy.includes(sheet)))).toEqual([])
    expect(plan.copies.flatMap((c) => c.anomalies).filter((a) => /back .* was not found/.test(a))).toEqual([])
  }, 300_000)
})
