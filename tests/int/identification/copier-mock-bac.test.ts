import { runCopierScenario, summarize, type CopierRun } from '../../../bench/copier'
import { getScenario } from '../../../tools/papers/index'

// Issue 18 through the real app and its jobs: a lycée's copier batch (A3 stored portrait with /Rotate 270,
// the official exam sheet with its letter cells, copies of one to three sheets each with the same filled
// header and hand-numbered pages, one sheet never scanned, one copy's sheets scanned out of order), the
// school software's all-capitals single-column class list, then a separate annex file uploaded later.
// What holds today; the whole bar (every copy named and joined, every annex attached) is not reached
// yet: `npx tsx bench/copier.ts` prints where each copy stands.
let run: CopierRun
beforeAll(async () => {
  run = await runCopierScenario({ scenario: await getScenario('copier-mock-bac') })
  console.log(JSON.stringify(summarize(run)))
  for (const r of run.results) if (r.detail) console.log(`${r.student}: ${r.detail}`)
}, 1_800_000)

describe('a copier mock bac, its class list and its annexes', () => {
  it('imports every student of the school-software class list', () => {
    expect(run.studentsImported).toBe(run.rosterRows)
  })

  it('keeps every page of both files in exactly one copy', () => {
    expect([run.pagesLost, run.pagesTwice]).toEqual([0, 0])
  })

  it('names copies written one letter per cell, never wrongly', () => {
    expect(run.results.filter((r) => r.named === 'wrong').map((r) => `${r.student}: ${r.detail}`)).toEqual([])
    // 0 before letter cells were read with the subject's print taken away and their walls removed; 4 before a
    // copy's weak sheets joined its sure one and loose annex sheets stopped competing with copies; 5 before the
    // letters were cut out of the grid printed on the page itself (walls, shade and empty cells were read)
    expect(run.results.filter((r) => r.named === 'right').length).toBeGreaterThanOrEqual(7)
  })

  it('puts copies in their written page order', () => {
    // 6 before the letter cells were cut on the page's own grid: a sheet not named is not joined to its copy
    expect(run.results.filter((r) => r.pagesInOrder).length).toBeGreaterThanOrEqual(7)
  })

  it('cuts the annex file, which is no print of the subject, into one piece per sheet to join by identity', () => {
    // one copy of all six annexes before: cut on the subject they are not printed from
    expect(run.annexCopies).toBe(6)
  })

  it('joins an annex to its student’s copy when two readings agree, never to another student’s', () => {
    expect(run.annexesWrong).toBe(0)
    // 0 before: an annex joined only a copy that was open and named for sure on its own; 1 before the letter
    // cells were cut on the page's own grid (an annex joins a copy both readings name)
    expect(run.results.filter((r) => r.annexAttached).length).toBeGreaterThanOrEqual(4)
  })
})
