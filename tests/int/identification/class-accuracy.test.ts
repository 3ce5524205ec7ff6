import { runIdentificationBench } from '../../../bench/identification'
import { CUT_AND_NAME_JOBS } from '../helpers/jobs'

// The bar, on a generated class of 30 (26 present, one copy unnamed, four absentees one letter
// away from present students), through the real app: upload, ingestion, the identify-exam job.
describe('identification accuracy on a generated class', () => {
  it('never names a copy wrongly and names at least 90 % of the named copies', async () => {
    const row = await runIdentificationBench({ name: 'a4-class', rosterSize: 30, jobs: CUT_AND_NAME_JOBS })
    console.log(`a4-class: precision ${(row.precision * 100).toFixed(1)} %, coverage ${(row.coverage * 100).toFixed(1)} % (${row.identified}/${row.named}), ${row.secondsPerCopy.toFixed(2)} s/copy`)
    expect(row.copies).toBe(26)
    expect(row.wrong).toBe(0)
    expect(row.precision).toBe(1)
    expect(row.coverage).toBeGreaterThanOrEqual(0.9)
    // A measure of accuracy, not of speed (bench/ measures speed): on a loaded machine the whole pipeline may take minutes.
  }, 1_500_000)
})
